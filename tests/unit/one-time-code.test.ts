import { describe, expect, it } from "vitest";
import { CODE_ALPHABET, CODE_LENGTH, codeFromIndexes, formatCode, normaliseCode } from "@/domain/one-time-code";

describe("one-time codes as printed and typed", () => {
  it("use 32 characters that cannot be mistaken: no 0, O, 1 or I", () => {
    expect(CODE_ALPHABET).toHaveLength(32);
    expect(new Set(CODE_ALPHABET).size).toBe(32);
    for (const confusable of ["0", "O", "1", "I"]) expect(CODE_ALPHABET).not.toContain(confusable);
    expect(CODE_ALPHABET).toMatch(/^[A-Z2-9]+$/);
  });

  it("are 10 characters printed in groups of 4, 4 and 2", () => {
    expect(CODE_LENGTH).toBe(10);
    expect(formatCode("ABCDEFGHJK")).toBe("ABCD-EFGH-JK");
  });

  it("read back what a young person types: lower case, spaces and hyphens forgiven", () => {
    expect(normaliseCode("abcd-efgh-jk")).toBe("ABCDEFGHJK");
    expect(normaliseCode("  ABCD EFGH JK ")).toBe("ABCDEFGHJK");
    expect(normaliseCode("ABCD–EFGH—JK")).toBe("ABCDEFGHJK");
    expect(normaliseCode(formatCode("Z9Z9Z9Z9Z9"))).toBe("Z9Z9Z9Z9Z9");
  });

  it("refuse anything that cannot be a code: wrong length, letters not on a card, other types, huge input", () => {
    for (const bad of [
      "",
      "ABCD-EFGH-J",
      "ABCD-EFGH-JKL",
      "ABCD-EFGH-J0",
      "ABCD-EFGH-JO",
      "ABCD-EFGH-J1",
      "ABCD-EFGH-JI",
      "ÅBCD-EFGH-JK",
      "ABCD\u0000EFGH-JK",
    ]) {
      expect(normaliseCode(bad), bad).toBeNull();
    }
    for (const notString of [undefined, null, 42, ["ABCDEFGHJK"], { code: "ABCDEFGHJK" }]) expect(normaliseCode(notString)).toBeNull();
    expect(normaliseCode(" ".repeat(100_000) + "ABCDEFGHJK")).toBeNull();
    expect(normaliseCode("ABCDEFGHJK".repeat(10_000))).toBeNull();
  });

  it("are built from indexes into the alphabet, and refuse an index outside it", () => {
    expect(codeFromIndexes([0, 1, 2, 3, 4, 5, 6, 7, 8, 31])).toBe("ABCDEFGHJ9");
    expect(() => codeFromIndexes([0, 1, 2])).toThrow(RangeError);
    expect(() => codeFromIndexes([0, 1, 2, 3, 4, 5, 6, 7, 8, 32])).toThrow(RangeError);
    expect(() => codeFromIndexes([0, 1, 2, 3, 4, 5, 6, 7, 8, 1.5])).toThrow(RangeError);
  });
});
