// Who gets told (src/server/notifications/recipients.ts) is the policy asked
// the other way round: for every person in the world built here, being a
// recipient is the same answer the policy's check gives them, and disabled
// accounts are never told.
import { describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { commissionersRunning, governorsOf, providerUsers } from "@/server/notifications/recipients";
import { can, runsTender, tenderRelationsSelect } from "@/server/policy";
import { createActor, createEstablishment } from "../fixtures/factories";
import { providerOrganisation, publishedTender } from "../fixtures/tender-builders";

const ids = (people: { id: string }[]) => people.map((p) => p.id).sort();

describe("recipients answer as the policy does", () => {
  it("the commissioners running a tender: its creator (even stepped back from the panel) and accepted commissioner seats", async () => {
    const tender = await publishedTender({ deadline: new Date("2026-12-18T17:00:00Z") });
    // The creator steps back from the panel: they still run the tender (policy runsTender).
    await db.panelMember.updateMany({ where: { tenderId: tender.id, userId: tender.commissioner.id }, data: { status: "STEPPED_BACK" } });
    const seat = async (status: "INVITED" | "ACCEPTED" | "DECLINED" | "STEPPED_BACK", disabled = false) => {
      const person = await createActor("COMMISSIONER", { disabled });
      await db.panelMember.create({
        data: { tenderId: tender.id, userId: person.id, role: "COMMISSIONER", status, invitedById: tender.commissioner.id },
      });
      return person;
    };
    const people: Actor[] = [
      tender.commissioner,
      await seat("ACCEPTED"),
      await seat("INVITED"),
      await seat("DECLINED"),
      await seat("STEPPED_BACK"),
      await createActor("COMMISSIONER"),
      ...tender.technicians,
      await createActor("GOVERNOR", { establishmentIds: [tender.establishmentId] }),
    ];
    const disabled = await seat("ACCEPTED", true);
    const relations = await db.tender.findUniqueOrThrow({ where: { id: tender.id }, select: tenderRelationsSelect });

    const told = ids(await db.$transaction((tx) => commissionersRunning(tx, tender.id)));
    expect(told).toEqual(ids(people.filter((p) => runsTender(p, relations))));
    expect(told).toContain(tender.commissioner.id);
    expect(told).toHaveLength(2);
    expect(told).not.toContain(disabled.id);
  });

  it("the governors of an establishment: those award.signOff lets sign for it, enabled", async () => {
    const [feltham, cookham] = [(await createEstablishment()).id, (await createEstablishment()).id];
    const people = [
      await createActor("GOVERNOR", { establishmentIds: [feltham] }),
      await createActor("GOVERNOR", { establishmentIds: [feltham, cookham] }),
      await createActor("GOVERNOR", { establishmentIds: [cookham] }),
      await createActor("COMMISSIONER"),
    ];
    const disabled = await createActor("GOVERNOR", { establishmentIds: [feltham], disabled: true });
    const told = ids(await db.$transaction((tx) => governorsOf(tx, feltham)));
    expect(told).toEqual(ids(people.filter((p) => can(p, "award.signOff", { establishmentId: feltham }))));
    expect(told).toHaveLength(2);
    expect(told).not.toContain(disabled.id);
  });

  it("the users of a provider: those bid.readOwn lets act for the organisation, enabled; by ids or by a filter", async () => {
    const a = await providerOrganisation();
    const b = await providerOrganisation();
    const disabled = await createActor("PROVIDER", { organisationId: a.organisation.id, disabled: true });
    const commissioner = await createActor("COMMISSIONER");
    const everyone = [...a.users, ...b.users, commissioner];
    const told = ids(await db.$transaction((tx) => providerUsers(tx, [a.organisation.id])));
    expect(told).toEqual(ids(everyone.filter((p) => can(p, "bid.readOwn", { organisationId: a.organisation.id }))));
    expect(told).not.toContain(disabled.id);
    const byFilter = ids(await db.$transaction((tx) => providerUsers(tx, { id: { in: [a.organisation.id, b.organisation.id] } })));
    expect(byFilter).toEqual(ids([...a.users, ...b.users]));
  });
});
