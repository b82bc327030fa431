import { describe, expect, it } from "vitest";
import { checkIdentifier, isTelephone, normalisePostcode, oneLineAddress, registerUrl } from "@/domain/org-identifiers";

describe("register numbers (org-id.guide schemes)", () => {
  it("Companies House: 8 digits (leading zeros given back) or 2 letters and 6 digits", () => {
    expect(checkIdentifier("GB-COH", "1234567")).toEqual({ ok: true, id: "01234567" });
    expect(checkIdentifier("GB-COH", " sc 123456 ")).toEqual({ ok: true, id: "SC123456" });
    expect(checkIdentifier("GB-COH", "OC301234")).toEqual({ ok: true, id: "OC301234" });
    for (const bad of ["123456789", "S1234567", "SC12345", "ABC12345", "12-345678", "١٢٣٤٥٦٧٨"])
      expect(checkIdentifier("GB-COH", bad).ok, bad).toBe(false);
  });

  it("Charity Commission: 6 or 7 digits", () => {
    expect(checkIdentifier("GB-CHC", "1123456")).toEqual({ ok: true, id: "1123456" });
    expect(checkIdentifier("GB-CHC", "220949")).toEqual({ ok: true, id: "220949" });
    for (const bad of ["12345", "12345678", "SC012345", "112345A"]) expect(checkIdentifier("GB-CHC", bad).ok, bad).toBe(false);
  });

  it("NHS ODS codes: 3 to 6 letters and digits, at least one letter", () => {
    for (const good of ["X24", "rj1", "QMJ", "8J094", "A81001"]) expect(checkIdentifier("GB-NHS", good).ok, good).toBe(true);
    expect(checkIdentifier("GB-NHS", "rj1")).toEqual({ ok: true, id: "RJ1" });
    for (const bad of ["X2", "1234567", "123", "RJ-1", "ABCDEFG"]) expect(checkIdentifier("GB-NHS", bad).ok, bad).toBe(false);
  });

  it("an empty number asks for it", () => {
    expect(checkIdentifier("GB-CHC", "  ")).toEqual({ ok: false, message: "Enter the Charity Commission for England and Wales number" });
  });

  it("links to each register", () => {
    expect(registerUrl("GB-COH", "01234567")).toBe("https://find-and-update.company-information.service.gov.uk/company/01234567");
  });
});

describe("addresses and telephones", () => {
  it("UK postcodes are written the Royal Mail way; anything else is refused", () => {
    expect(normalisePostcode("se18ug")).toBe("SE1 8UG");
    expect(normalisePostcode("SW1A 1AA")).toBe("SW1A 1AA");
    expect(normalisePostcode("  tw18  4ly ")).toBe("TW18 4LY");
    for (const bad of ["SE1", "12345", "SE1 8U", "ZZZZ ZZZ", ""]) expect(normalisePostcode(bad), bad).toBeNull();
  });

  it("UK telephone numbers", () => {
    for (const good of ["020 7946 0000", "01784 496000", "+44 20 7946 0000", "(020) 7946-0000"]) expect(isTelephone(good), good).toBe(true);
    for (const bad of ["12345", "020 7946 00000 1", "+1 555 0100", "phone me"]) expect(isTelephone(bad), bad).toBe(false);
  });

  it("an address on one line, or none", () => {
    expect(oneLineAddress({ streetAddress: "1 High Street", locality: "London", postalCode: "E1 6AN" })).toBe(
      "1 High Street, London, E1 6AN",
    );
    expect(oneLineAddress({ streetAddress: null, locality: "London", postalCode: null })).toBeNull();
  });
});
