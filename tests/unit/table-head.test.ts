import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { TableHead } from "@/components/ui/table-head";

const headings = (html: string) =>
  [...html.matchAll(/<th scope="col" class="([^"]*)">(.*?)<\/th>/g)].map(([, cls, text]) => ({ cls, text }));

describe("a data table's header row", () => {
  it("scopes every heading to its column, right-aligns numbers and hides an actions label from sight only", () => {
    const html = renderToStaticMarkup(
      createElement(
        "table",
        null,
        createElement(TableHead, {
          spacing: "pr-3",
          columns: ["Criterion", { label: "Points", numeric: true }, { label: "Actions", visuallyHidden: true }],
        }),
      ),
    );
    expect(headings(html)).toEqual([
      { cls: "py-2 pr-3", text: "Criterion" },
      { cls: "py-2 pr-3 text-right", text: "Points" },
      { cls: "py-2 pr-3", text: '<span class="sr-only">Actions</span>' },
    ]);
  });

  it("leaves out a column given as false (shown only in some states)", () => {
    const draft = false;
    const html = renderToStaticMarkup(
      createElement(
        "table",
        null,
        createElement(TableHead, { columns: ["Name", "Status", draft && { label: "Actions", visuallyHidden: true }] }),
      ),
    );
    expect(headings(html).map((h) => h.text)).toEqual(["Name", "Status"]);
  });
});
