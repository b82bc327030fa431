// Organisations with their identifiers in real registers (org-id.guide:
// GB-COH, GB-CHC, GB-NHS), addresses and contact points: asked for when an
// administrator adds one, format-checked, and published in OCDS parties.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { Forbidden, NotFound } from "@/server/errors";
import { createOrganisation } from "@/server/organisations/create-organisation";
import { getOrganisation } from "@/server/organisations/queries";
import { updateOrganisation } from "@/server/organisations/update-organisation";
import { fieldErrors } from "../fixtures/expect-invalid";
import { createActor } from "../fixtures/factories";

const unique = () => randomBytes(4).toString("hex");
const digits = () => String(Math.floor(Math.random() * 9_000_000) + 1_000_000);

const valid = () => ({
  name: `Riverside Care ${unique()} CIC`,
  kind: "PROVIDER" as const,
  identifierScheme: "GB-COH",
  identifierId: digits(),
  streetAddress: "4 Dock Road",
  locality: "London",
  postalCode: "e16 1ah",
  contactName: "Bids team",
  contactEmail: "Bids@Example.ORG",
  contactTelephone: "020 7946 0303",
});

describe("adding an organisation", () => {
  it("an administrator adds one: the number written the register's way, the postcode the Royal Mail's, an audit event", async () => {
    const admin = await createActor("ADMIN");
    const input = valid();
    const { id } = await createOrganisation(admin, input);
    const org = await getOrganisation(admin, id);
    expect(org).toMatchObject({
      name: input.name,
      kind: "PROVIDER",
      identifierScheme: "GB-COH",
      identifierId: `0${input.identifierId}`,
      identifierIsDemo: false,
      postalCode: "E16 1AH",
      contactEmail: "bids@example.org",
    });
    expect(await db.auditEvent.count({ where: { action: "organisation.created", entityId: id } })).toBe(1);
  });

  it("every problem is named next to its field at once, and nothing is written", async () => {
    const admin = await createActor("ADMIN");
    const before = await db.organisation.count();
    const errors = await fieldErrors(
      createOrganisation(admin, {
        ...valid(),
        name: "  ",
        identifierScheme: "GB-CHC",
        identifierId: "12AB",
        streetAddress: "",
        postalCode: "NOT A CODE",
        contactEmail: "nobody-at-example",
        contactTelephone: "555",
      }),
    );
    expect(Object.keys(errors)).toEqual(["name", "identifierId", "streetAddress", "postalCode", "contactEmail", "contactTelephone"]);
    expect(errors.identifierId).toBe("A registered charity number is 6 or 7 digits, like 1123456");
    expect(errors.postalCode).toBe("Enter a real UK postcode, like SE1 8UG");
    expect(await fieldErrors(createOrganisation(admin, { ...valid(), identifierScheme: "", identifierId: "1234567" }))).toEqual({
      identifierScheme: "Select the register this number is from",
    });
    expect(await fieldErrors(createOrganisation(admin, { ...valid(), identifierScheme: "US-EIN" }))).toMatchObject({
      identifierScheme: "Select a register from the list, or none",
    });
    expect(await fieldErrors(createOrganisation(admin, { ...valid(), name: "x".repeat(201) }))).toMatchObject({
      name: "Name must be 200 characters or fewer",
    });
    expect(await db.organisation.count()).toBe(before);
  });

  it("without a register number or an address it is still added (to be given later); the address is all or nothing", async () => {
    const admin = await createActor("ADMIN");
    const bare = { name: `Small Charity ${unique()}`, kind: "PROVIDER" as const };
    const { id } = await createOrganisation(admin, bare);
    expect(await getOrganisation(admin, id)).toMatchObject({ identifierScheme: null, identifierId: null, streetAddress: null });
    expect(await fieldErrors(createOrganisation(admin, { ...bare, name: `${bare.name} 2`, locality: "Leeds" }))).toEqual({
      streetAddress: "Enter the whole address: street, town or city and postcode (or leave all three empty)",
    });
  });

  it("a name or a register number already taken is refused (case aside)", async () => {
    const admin = await createActor("ADMIN");
    const first = valid();
    await createOrganisation(admin, first);
    expect(await fieldErrors(createOrganisation(admin, { ...valid(), name: first.name.toUpperCase() }))).toEqual({
      name: "There is already an organisation with this name",
    });
    expect(await fieldErrors(createOrganisation(admin, { ...valid(), identifierId: first.identifierId }))).toEqual({
      identifierId: "Another organisation already has this number",
    });
  });

  it("only an administrator may add or change one", async () => {
    for (const role of ["COMMISSIONER", "GOVERNOR", "PROVIDER", "TECHNICIAN"] as const) {
      const actor = await createActor(role);
      await expect(createOrganisation(actor, valid())).rejects.toBeInstanceOf(Forbidden);
      await expect(getOrganisation(actor, actor.organisationId ?? "00000000-0000-0000-0000-000000000000")).rejects.toBeInstanceOf(NotFound);
    }
  });
});

describe("changing an organisation", () => {
  it("adds its register number and address; its kind cannot change; an unknown id is not found", async () => {
    const admin = await createActor("ADMIN");
    const org = await db.organisation.create({ data: { name: `NHS Trust ${unique()}`, kind: "COMMISSIONER" } });
    const code = `R${unique()
      .slice(0, 2)
      .toUpperCase()
      .replace(/[^A-Z0-9]/g, "X")}`;
    await updateOrganisation(admin, org.id, {
      name: org.name,
      kind: "COMMISSIONER",
      identifierScheme: "GB-NHS",
      identifierId: code.toLowerCase(),
    });
    expect(await getOrganisation(admin, org.id)).toMatchObject({ identifierScheme: "GB-NHS", identifierId: code });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "organisation.updated", entityId: org.id } });
    expect(event.before).toMatchObject({ identifierId: null });
    expect(event.after).toMatchObject({ identifierId: code });
    expect(await fieldErrors(updateOrganisation(admin, org.id, { name: org.name, kind: "PROVIDER" }))).toMatchObject({
      kind: "An organisation's kind cannot change: its users, bids and contracts depend on it",
    });
    await expect(updateOrganisation(admin, "00000000-0000-0000-0000-000000000000", valid())).rejects.toBeInstanceOf(NotFound);
    await expect(updateOrganisation(admin, "not-an-id", valid())).rejects.toBeInstanceOf(NotFound);
  });
});
