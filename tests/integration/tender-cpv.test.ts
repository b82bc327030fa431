// What is bought: CPV codes on the tender, picked from the vendored CPV 2008
// list (health and social work services), checked, and published in OCDS
// tender.items[].classification (scheme CPV).
import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { getRecordPackage } from "@/server/ocds/queries";
import { ocidFor } from "@/server/ocds/publish-release";
import { applyPsrTemplate } from "@/server/tenders/apply-psr-template";
import { createTender } from "@/server/tenders/create-tender";
import { invitePanelMember } from "@/server/tenders/invite-panel-member";
import { publishTender } from "@/server/tenders/publish-tender";
import { respondToPanelInvitation } from "@/server/tenders/respond-to-panel-invitation";
import type { TenderDetailsInput } from "@/server/tenders/tender-details";
import { updateTender } from "@/server/tenders/update-tender";
import { fieldErrors } from "../fixtures/expect-invalid";
import { createActor, createEstablishment } from "../fixtures/factories";
import { validateOcds } from "../fixtures/ocds-schemas";

const NOW = new Date("2026-11-24T10:00:00Z");
let commissioner: Actor;
let establishmentId: string;

function details(overrides: Partial<TenderDetailsInput> = {}): TenderDetailsInput {
  return {
    title: "Feltham physiotherapy",
    reference: `CPV-${Math.random().toString(36).slice(2, 9)}`,
    summary: "Physiotherapy for young people at Feltham.",
    establishmentId,
    estimatedValue: "900000",
    contractStartDate: "2027-10-01",
    contractTermMonths: "36",
    procurementRoute: "PSR_COMPETITIVE_PROCESS",
    aggregationRule: "EQUAL_VOTES",
    technicianHourlyRate: "15",
    clarificationDeadlineDate: "2026-12-10",
    clarificationDeadlineTime: "12:00",
    submissionDeadlineDate: "2026-12-18",
    submissionDeadlineTime: "17:00",
    ...overrides,
  };
}

beforeEach(async () => {
  commissioner = await createActor("COMMISSIONER");
  establishmentId = (await createEstablishment()).id;
});

describe("CPV codes on a tender", () => {
  it("are taken as picked from the list ('85142100 Physiotherapy services'), typed, or with a check digit, main code first", async () => {
    const { id } = await createTender(
      commissioner,
      details({ cpvCode1: "85142100 Physiotherapy services", cpvCode2: "85100000-0", cpvCode3: " 85312500 " }),
      NOW,
    );
    expect((await db.tender.findUniqueOrThrow({ where: { id } })).cpvCodes).toEqual(["85142100", "85100000", "85312500"]);
    await updateTender(commissioner, id, { ...details({ cpvCode1: "85121270", cpvCode2: "", cpvCode3: "" }), version: 1 }, NOW);
    expect((await db.tender.findUniqueOrThrow({ where: { id } })).cpvCodes).toEqual(["85121270"]);
  });

  it("a code not on the list, not a code, given twice, or without a main code is named next to its field; nothing is written", async () => {
    const before = await db.tender.count();
    expect(
      await fieldErrors(createTender(commissioner, details({ cpvCode1: "45000000 Construction work", cpvCode2: "physio" }), NOW)),
    ).toMatchObject({
      cpvCode1: "45000000 is not a health or social work services code (CPV codes starting 85): choose one from the list",
      cpvCode2: "Enter a CPV code from the list: 8 digits, like 85100000 (Health services)",
    });
    expect(await fieldErrors(createTender(commissioner, details({ cpvCode1: "85142100", cpvCode2: "85142100" }), NOW))).toEqual({
      cpvCode2: "85142100 is already given above: give each code once",
    });
    expect(await fieldErrors(createTender(commissioner, details({ cpvCode2: "85142100" }), NOW))).toEqual({
      cpvCode1: "Give the main CPV code first",
    });
    expect(await fieldErrors(createTender(commissioner, details({ cpvCode1: "8".repeat(301) }), NOW))).toMatchObject({
      cpvCode1: "Main CPV code must be 300 characters or fewer",
    });
    expect(await db.tender.count()).toBe(before);
  });

  it("are published as tender.items[].classification, scheme CPV, and the release validates", async () => {
    const { id } = await createTender(commissioner, details({ cpvCode1: "85142100", cpvCode2: "85100000" }), NOW);
    await applyPsrTemplate(commissioner, id, NOW);
    for (let i = 0; i < 2; i++) {
      const tech = await createActor("TECHNICIAN");
      const { id: memberId } = await invitePanelMember(commissioner, id, tech.id, NOW);
      await respondToPanelInvitation(tech, memberId, true, NOW);
    }
    await publishTender(commissioner, id, {}, NOW);
    const record = await getRecordPackage(ocidFor(id));
    expect(validateOcds("record-package-schema", record)).toEqual([]);
    const release = record.records[0]!.releases[0] as { tender: { items: unknown[] } };
    expect(release.tender.items).toEqual([
      {
        id: "1",
        description: "Feltham physiotherapy",
        classification: { scheme: "CPV", id: "85142100", description: "Physiotherapy services" },
        additionalClassifications: [{ scheme: "CPV", id: "85100000", description: "Health services" }],
      },
    ]);
  });
});
