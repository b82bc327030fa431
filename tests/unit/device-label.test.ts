import { describe, expect, it } from "vitest";
import { deviceLabel } from "@/server/auth/device-label";

describe("the device label of a session", () => {
  it("names the browser and the system a person would recognise, and whether it is a phone or tablet", () => {
    expect(
      deviceLabel("Mozilla/5.0 (Linux; Android 11; Pixel 5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36"),
    ).toBe("Chrome on Android phone");
    expect(
      deviceLabel(
        "Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1",
      ),
    ).toBe("Safari on iOS tablet");
    expect(deviceLabel("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0")).toBe("Firefox on Windows");
  });

  it("is empty for nothing recognisable, and short whatever it is sent", () => {
    expect(deviceLabel(null)).toBeNull();
    expect(deviceLabel("")).toBeNull();
    expect((deviceLabel(`Mozilla/5.0 (${"x".repeat(10_000)}) Chrome/1 ${"é".repeat(5000)}`) ?? "").length).toBeLessThanOrEqual(100);
  });
});
