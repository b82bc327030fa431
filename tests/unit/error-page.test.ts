import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import ErrorPage from "@/app/error";

// The 500 page replaces the portal's layout, so it must bring the site header
// (and the one <main> the skip link points at) itself.
describe("the error page", () => {
  it("keeps the site header, has one main landmark and quotes the reference", () => {
    const html = renderToStaticMarkup(createElement(ErrorPage, { error: Object.assign(new Error("boom"), { digest: "1234567" }) }));
    expect(html.match(/<header/g)).toHaveLength(1);
    expect(html).toContain(">CoCommission</a>");
    expect(html.match(/<main id="main"/g)).toHaveLength(1);
    expect(html).toContain("Sorry, there is a problem with the service");
    expect(html).toContain("quote reference 1234567");
    expect(html).not.toContain("boom");
  });
});
