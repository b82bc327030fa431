import { describe, expect, it } from "vitest";
import { cpvItems, cpvLabel, cpvOption, parseCpv } from "@/domain/cpv";
import { CPV_HEALTH_SERVICES } from "@/domain/cpv-health-services";

describe("the vendored CPV list", () => {
  it("holds every code of division 85 once, 8 digits each, with an English label", () => {
    expect(CPV_HEALTH_SERVICES.length).toBe(98);
    const codes = CPV_HEALTH_SERVICES.map(([c]) => c);
    expect(new Set(codes).size).toBe(codes.length);
    for (const [code, label] of CPV_HEALTH_SERVICES) {
      expect(code).toMatch(/^85\d{6}$/);
      expect(label.length).toBeGreaterThan(3);
    }
    expect(cpvLabel("85142100")).toBe("Physiotherapy services");
    expect(cpvOption("85100000")).toBe("85100000 Health services");
  });
});

describe("a CPV code as typed", () => {
  it("takes the 8 digits first, with or without a check digit or the label", () => {
    for (const raw of ["85142100", "85142100-2", "85142100 Physiotherapy services", "  85142100  "])
      expect(parseCpv(raw), raw).toEqual({ ok: true, code: "85142100" });
    for (const raw of ["8514210", "physiotherapy", "851421000", "x85142100", "45000000", ""]) expect(parseCpv(raw).ok, raw).toBe(false);
  });

  it("becomes one OCDS item: the main code as classification, the rest as additional classifications", () => {
    expect(cpvItems([], "x")).toEqual([]);
    expect(cpvItems(["85130000"], "Dental")).toEqual([
      {
        id: "1",
        description: "Dental",
        classification: { scheme: "CPV", id: "85130000", description: "Dental practice and related services" },
      },
    ]);
  });
});
