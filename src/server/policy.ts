// The one place that answers "may this actor do this to this record?".
// Each capability is a function of the actor and the record's relationships
// (creator, accepted seat, conflict, establishment, organisation, lifecycle
// state). Use cases call `authorize` (throws Forbidden) or `can`, pages ask
// `can` what to show, and list queries filter with the `…Where` builder of the
// same capability, so a list never shows what a check would refuse.
// Nothing outside this file compares roles (an ESLint rule holds that line).
import type { Prisma } from "@/generated/prisma/client";
import type { PanelMemberStatus, PanelRole, Role, ShapingMemberStatus } from "@/generated/prisma/enums";
import type { Actor } from "./auth/actor";
import { Forbidden } from "./errors";

/** A tender's panel seats, as the policy needs them. */
export interface SeatRelation {
  userId: string;
  role: PanelRole;
  status: PanelMemberStatus;
}

export interface TenderRelations {
  createdById: string;
  panelMembers: SeatRelation[];
}

/** Select this with a tender to ask `tender.manage` (and the capabilities built on it) about it. */
export const tenderRelationsSelect = { createdById: true, panelMembers: { select: { userId: true, role: true, status: true } } } as const;

/** A record that belongs to one establishment (tender, award, agreement, contract). */
export interface EstablishmentRecord {
  establishmentId: string;
}

const is = (actor: Pick<Actor, "role">, ...roles: Role[]) => roles.includes(actor.role);

/** A contract as the policy needs it: its establishment and the provider's organisation. */
export interface ContractRecord extends EstablishmentRecord {
  organisationId: string;
}

/** A provider acts for its own organisation's contracts only. */
const providerOf = (actor: Actor, contract: { organisationId: string }) =>
  is(actor, "PROVIDER") && actor.organisationId !== null && actor.organisationId === contract.organisationId;

/** A shaping stage's people, as the policy needs them (select with `shapingRelationsSelect`). */
export interface ShapingRelations {
  tender: TenderRelations & EstablishmentRecord;
  members: { userId: string; role: PanelRole; status: ShapingMemberStatus; isFacilitator: boolean }[];
}

/** Select this with a shaping stage to ask the `shaping.*` capabilities about it. */
export const shapingRelationsSelect = {
  tender: { select: { ...tenderRelationsSelect, establishmentId: true } },
  members: { select: { userId: true, role: true, status: true, isFacilitator: true } },
} as const;

const acceptedShapingMember = (actor: Actor, stage: ShapingRelations, role: PanelRole) =>
  stage.members.some((m) => m.userId === actor.id && m.role === role && m.status === "ACCEPTED");

/** Facilitators: the commissioners running the tender, and accepted commissioner members marked as facilitators. */
function facilitatesShaping(actor: Actor, stage: ShapingRelations): boolean {
  if (runsTender(actor, stage.tender)) return true;
  return is(actor, "COMMISSIONER") && stage.members.some((m) => m.userId === actor.id && m.status === "ACCEPTED" && m.isFacilitator);
}

/** A young commissioner who accepted their place in the stage. */
const shapesAsYoungCommissioner = (actor: Actor, stage: ShapingRelations) =>
  is(actor, "TECHNICIAN") && acceptedShapingMember(actor, stage, "TECHNICIAN");

/** Who ranks the themes, with equal votes: the commissioners running the tender, accepted members of either kind. */
const ranksThemes = (actor: Actor, stage: ShapingRelations) =>
  runsTender(actor, stage.tender) ||
  (is(actor, "COMMISSIONER") && acceptedShapingMember(actor, stage, "COMMISSIONER")) ||
  shapesAsYoungCommissioner(actor, stage);

/** The group a person ranks themes in (equal votes, each group's view shown): young commissioners, or commissioners. */
export function shapingVoterGroup(actor: Actor): PanelRole {
  return is(actor, "TECHNICIAN") ? "TECHNICIAN" : "COMMISSIONER";
}

/**
 * A tender is run by the commissioner who created it and the commissioners
 * holding an ACCEPTED seat on its panel. Invited (not answered), declined and
 * stepped-back commissioners do not run it.
 */
export function runsTender(actor: Actor, tender: TenderRelations): boolean {
  if (!is(actor, "COMMISSIONER")) return false;
  if (tender.createdById === actor.id) return true;
  return tender.panelMembers.some((p) => p.userId === actor.id && p.role === "COMMISSIONER" && p.status === "ACCEPTED");
}

/** A governor acts only for the establishments they are linked to. */
export function governsEstablishment(actor: Actor, establishmentId: string): boolean {
  return is(actor, "GOVERNOR") && actor.establishmentIds.includes(establishmentId);
}

/** Admins invite anyone; commissioners invite young commissioners only. */
function mayInvite(actor: Actor, role: Role): boolean {
  return is(actor, "ADMIN") || (is(actor, "COMMISSIONER") && role === "TECHNICIAN");
}

/** Commissioners see every establishment's records; governors their own. */
const commissionerOrGoverns = (actor: Actor, record: EstablishmentRecord) =>
  is(actor, "COMMISSIONER") || governsEstablishment(actor, record.establishmentId);

/** The two sides that sign a co-commissioning agreement. */
export type AgreementSide = "COMMISSIONER" | "GOVERNOR";

/**
 * `agreement.sign`, answered with the side the actor signs for: the governor of the agreement's establishment signs
 * for it (approve, ask for changes or reject), a commissioner for NHS England (approve only); anyone else, null.
 */
export function agreementSideOf(actor: Actor, agreement: EstablishmentRecord): AgreementSide | null {
  if (governsEstablishment(actor, agreement.establishmentId)) return "GOVERNOR";
  return is(actor, "COMMISSIONER") ? "COMMISSIONER" : null;
}

/** A tender's audit trail: the commissioners running it, its establishment's governor, administrators. */
const readsTenderAudit = (actor: Actor, tender: TenderRelations & EstablishmentRecord) =>
  is(actor, "ADMIN") || governsEstablishment(actor, tender.establishmentId) || runsTender(actor, tender);

const RULES = {
  // Tenders
  "tender.create": (actor: Actor) => is(actor, "COMMISSIONER"),
  /** Every commissioner may read every tender (not its sealed bids). */
  "tender.read": (actor: Actor) => is(actor, "COMMISSIONER"),
  "tender.manage": runsTender,
  /**
   * A tender's details, its clarification questions and its award: the commissioners running it. Colleagues read its
   * title, reference, establishment, stage and who runs it (getTenderForColleague), enough to know whom to ask.
   */
  "tender.readDetails": runsTender,
  "tender.readOwnEstablishment": (actor: Actor) => is(actor, "GOVERNOR"),
  "tender.readPublished": (actor: Actor) => is(actor, "PROVIDER"),
  /**
   * May a refusal say that this tender exists (403), or must it not (404)? A governor knows only their own
   * establishment's tenders: any other is "not found", on its pages and audit trail as on its sign-offs, letters,
   * agreements and contracts. Other roles are refused a tender's pages whatever its id, which reveals nothing.
   */
  "tender.knowOf": (actor: Actor, tender: EstablishmentRecord) =>
    !is(actor, "GOVERNOR") || governsEstablishment(actor, tender.establishmentId),
  "clarification.revealAsker": runsTender,
  // Shaping the service (issue 24): the first stage of a tender
  /** Open a shaping stage on a draft tender, change its questions, people, dates and stage; write the requirements. */
  "shaping.manage": (actor: Actor, stage: ShapingRelations) => runsTender(actor, stage.tender),
  /** Record focus groups, print one-time codes, check every answer before anyone else reads it, group views into themes. */
  "shaping.facilitate": facilitatesShaping,
  /** Answer the questions in the portal and agree (or not) to the draft specification: accepted young commissioners. */
  "shaping.contribute": shapesAsYoungCommissioner,
  "shaping.rank": ranksThemes,
  /** Read the checked views (never a disclosure, never an unchecked answer): facilitators and accepted members. */
  "shaping.readViews": (actor: Actor, stage: ShapingRelations) => facilitatesShaping(actor, stage) || ranksThemes(actor, stage),
  /** The stage's page, its themes, priorities and links: its people, and its establishment's governor (results only). */
  "shaping.read": (actor: Actor, stage: ShapingRelations) =>
    facilitatesShaping(actor, stage) || ranksThemes(actor, stage) || governsEstablishment(actor, stage.tender.establishmentId),
  /** The printable easy-read "You said, we did" for the wing: the facilitators (who hand it out) and the establishment's governor. */
  "shaping.printSummary": (actor: Actor, stage: ShapingRelations) =>
    facilitatesShaping(actor, stage) || governsEstablishment(actor, stage.tender.establishmentId),
  /** Say yes or no to an invitation to shape a service: the invited commissioner or young commissioner. */
  "shaping.respond": (actor: Actor, member: { userId: string }) => is(actor, "COMMISSIONER", "TECHNICIAN") && member.userId === actor.id,
  /** "Shaping" in the main menu: the people who take part (governors reach their establishment's stages from its page). */
  "shaping.menu": (actor: Actor) => is(actor, "COMMISSIONER", "TECHNICIAN"),
  // Panels and evaluation
  "panel.sit": (actor: Actor) => is(actor, "COMMISSIONER", "TECHNICIAN"),
  // Bids: providers act for their organisation
  "bid.write": (actor: Actor) => is(actor, "PROVIDER") && actor.organisationId !== null,
  "bid.readOwn": (actor: Actor, bid: { organisationId: string }) => is(actor, "PROVIDER") && actor.organisationId === bid.organisationId,
  "clarification.ask": (actor: Actor) => is(actor, "PROVIDER") && actor.organisationId !== null,
  // Awards
  "award.read": (actor: Actor) => is(actor, "COMMISSIONER"),
  "award.signOff": (actor: Actor, award: EstablishmentRecord) => governsEstablishment(actor, award.establishmentId),
  "award.listSignOffs": (actor: Actor) => is(actor, "GOVERNOR"),
  "award.panelOutcome": (actor: Actor) => is(actor, "COMMISSIONER", "TECHNICIAN"),
  /** A bidder reads the letters to its own organisation (found by organisation in the query). */
  "letter.readAsBidder": (actor: Actor) => is(actor, "PROVIDER") && actor.organisationId !== null,
  // Representations during standstill: a bidder writes for its organisation (the query checks it bid in the award);
  // the commissioners running the tender and the establishment's governor read them all.
  "representation.make": (actor: Actor) => is(actor, "PROVIDER") && actor.organisationId !== null,
  "representation.readOwn": (actor: Actor, representation: { organisationId: string }) =>
    is(actor, "PROVIDER") && actor.organisationId === representation.organisationId,
  "representation.read": (actor: Actor, tender: TenderRelations & EstablishmentRecord) =>
    runsTender(actor, tender) || governsEstablishment(actor, tender.establishmentId),
  // Agreements and contracts
  "agreement.draft": (actor: Actor) => is(actor, "COMMISSIONER"),
  "agreement.read": commissionerOrGoverns,
  /** Which side the actor signs for is `agreementSideOf`; this asks only whether they sign at all. */
  "agreement.sign": (actor: Actor, agreement: EstablishmentRecord) => agreementSideOf(actor, agreement) !== null,
  /** The register of every establishment's contracts (governors read their own establishments'). */
  "contract.readAllEstablishments": (actor: Actor) => is(actor, "COMMISSIONER"),
  /** A contract and its checks: commissioners every establishment's, a governor their own establishments'. */
  "contract.read": commissionerOrGoverns,
  /** A provider reads its own organisation's contracts: their commitments, returns and signed reviews (issue 25). */
  "contract.readOwn": providerOf,
  // Checking the service after the award (issue 25)
  /** Draft and change a contract's commitments; write the review of a return. */
  "commitments.draft": (actor: Actor) => is(actor, "COMMISSIONER"),
  /** Both sides sign each version of the commitments: a commissioner, and the contract's provider. */
  "commitments.sign": (actor: Actor, contract: ContractRecord) => is(actor, "COMMISSIONER") || providerOf(actor, contract),
  "return.submit": providerOf,
  "review.write": (actor: Actor) => is(actor, "COMMISSIONER"),
  /** Reviews before they are signed: commissioners and the establishment's governor (providers read signed ones). */
  "review.readDraft": commissionerOrGoverns,
  /** The establishment's governor co-signs the review for their establishment. */
  "review.cosign": (actor: Actor, contract: EstablishmentRecord) => governsEstablishment(actor, contract.establishmentId),
  "action.answer": providerOf,
  /** The governor's establishment page lists each contract's latest review. */
  "establishment.contractReviews": (actor: Actor) => is(actor, "GOVERNOR"),
  /** Commissioners link contracts to agreements and see the tender behind a contract. */
  "contract.link": (actor: Actor) => is(actor, "COMMISSIONER"),
  "contract.retender": (actor: Actor) => is(actor, "COMMISSIONER"),
  // Paid time
  "time.log": (actor: Actor) => is(actor, "TECHNICIAN"),
  "time.approve": runsTender,
  /** Lists, marking paid and the payroll CSV: filtered to tenders the commissioner runs (tendersRunByWhere). */
  "time.payroll": (actor: Actor) => is(actor, "COMMISSIONER"),
  /** Marking one tender's approved claims as paid: the commissioners running it (its list is tendersRunByWhere). */
  "time.markPaid": runsTender,
  "consent.give": (actor: Actor) => is(actor, "TECHNICIAN"),
  // Administration
  "user.manage": (actor: Actor) => is(actor, "ADMIN"),
  /** Adding organisations and keeping their register identifiers, addresses and contact points. */
  "organisation.manage": (actor: Actor) => is(actor, "ADMIN"),
  "user.invite": (actor: Actor, invitee: { role: Role }) => mayInvite(actor, invitee.role),
  "user.inviteAny": (actor: Actor) => is(actor, "ADMIN", "COMMISSIONER"),
  "outbox.read": (actor: Actor) => is(actor, "ADMIN"),
  // Own account (My account): a young commissioner's own data and closing their account
  "account.ownData": (actor: Actor) => is(actor, "TECHNICIAN"),
  "account.requestClosure": (actor: Actor) => is(actor, "TECHNICIAN"),
  /**
   * Closing a young commissioner's account when they asked: an administrator, or a commissioner running a tender
   * on whose panel they have (or had) a seat: someone who knows them and can check their paid time is settled.
   */
  "account.close": (actor: Actor, person: { role: Role; panelTenders: TenderRelations[] }) =>
    is(person, "TECHNICIAN") && (is(actor, "ADMIN") || person.panelTenders.some((tender) => runsTender(actor, tender))),
  // Audit trail
  "audit.readTender": readsTenderAudit,
  "audit.readAll": (actor: Actor) => is(actor, "ADMIN"),
  /** Young commissioners' names in audit trails: admins (and a tender's chair, asked of the panel). */
  "audit.seeNames": (actor: Actor) => is(actor, "ADMIN"),
} as const;

export type Capability = keyof typeof RULES;
type RecordArgs<C extends Capability> = Parameters<(typeof RULES)[C]> extends [Actor, infer R] ? [record: R] : [];

/** May the actor do this (to this record)? */
export function can<C extends Capability>(actor: Actor, capability: C, ...record: RecordArgs<C>): boolean {
  const rule = RULES[capability] as (actor: Actor, record?: unknown) => boolean;
  return rule(actor, record[0]);
}

/** Like `can`, but throws Forbidden (with a message the user can read). */
export function authorize<C extends Capability>(actor: Actor, capability: C, ...record: RecordArgs<C>): void {
  if (!can(actor, capability, ...record)) throw new Forbidden(MESSAGES[capability] ?? undefined);
}

const MESSAGES: Partial<Record<Capability, string>> = {
  "tender.manage": "Only the commissioners running this tender can change it.",
  "tender.readDetails":
    "Only the commissioners running this tender can read its details, questions and award. Its page says who runs it, if you need to ask them.",
  "time.approve": "Only the commissioners running this tender can check its time.",
  "shaping.manage": "Only the commissioners running this tender can change how it is shaped.",
  "shaping.facilitate": "Only the facilitators of this shaping stage can do this.",
  "shaping.contribute": "Only the young commissioners taking part in this shaping stage can do this.",
  "shaping.rank": "Only the people taking part in this shaping stage can rank its themes.",
  "shaping.printSummary": "Only the facilitators of this shaping stage and the establishment's governor can print this summary.",
  "clarification.revealAsker": "Only the commissioners running this tender can see who asked.",
  "bid.write": "Only providers can bid.",
  "commitments.draft": "Only commissioners can write a contract's commitments.",
  "commitments.sign": "Only a commissioner and the contract's provider can sign its commitments.",
  "return.submit": "Only the contract's provider can send its returns.",
  "review.write": "Only commissioners can review a return.",
  "review.cosign": "Only a governor of this contract's establishment can co-sign its review.",
  "action.answer": "Only the contract's provider can answer its actions.",
  "clarification.ask": "Only providers can ask clarification questions.",
  "user.invite": "You cannot invite people with that role.",
  "account.close": "Only an administrator, or a commissioner running a tender this young commissioner sits on, can close their account.",
};

// ---- The same rules as query filters -------------------------------------

const NOTHING = { id: { in: [] as string[] } };

/** `tender.manage` as a `where`: tenders the actor runs (lists of claims, time to check, payroll). */
export function tendersRunByWhere(actor: Actor): Prisma.TenderWhereInput {
  if (!is(actor, "COMMISSIONER")) return NOTHING;
  return {
    OR: [{ createdById: actor.id }, { panelMembers: { some: { userId: actor.id, role: "COMMISSIONER", status: "ACCEPTED" } } }],
  };
}

/** `shaping.read` as a `where` on ShapingStage: the stages the actor may open (lists). */
export function shapingStagesReadableWhere(actor: Actor): Prisma.ShapingStageWhereInput {
  const accepted = { members: { some: { userId: actor.id, status: "ACCEPTED" as const } } };
  if (is(actor, "COMMISSIONER")) return { OR: [{ tender: tendersRunByWhere(actor) }, accepted] };
  if (is(actor, "TECHNICIAN")) return accepted;
  if (is(actor, "GOVERNOR")) return { tender: { establishmentId: { in: actor.establishmentIds } } };
  return NOTHING;
}

/** `account.close` as a `where` on User: the young commissioners whose account the actor may close. */
export function closableAccountsWhere(actor: Actor): Prisma.UserWhereInput {
  if (is(actor, "ADMIN")) return { role: "TECHNICIAN" };
  if (!is(actor, "COMMISSIONER")) return NOTHING;
  return { role: "TECHNICIAN", panelMemberships: { some: { tender: tendersRunByWhere(actor) } } };
}

/** `account.close` asked the other way round: the enabled people who may close this young commissioner's account. */
export function accountClosersWhere(person: { id: string }): Prisma.UserWhereInput {
  const onTheirPanel = { panelMembers: { some: { userId: person.id } } };
  return {
    disabledAt: null,
    OR: [
      { role: "ADMIN" },
      {
        role: "COMMISSIONER",
        OR: [
          { tendersCreated: { some: onTheirPanel } },
          { panelMemberships: { some: { role: "COMMISSIONER", status: "ACCEPTED", tender: onTheirPanel } } },
        ],
      },
    ],
  };
}

// ---- Who holds a relationship, as a `where` on User (who gets told: src/server/notifications/recipients.ts) ----

/** The enabled governors of an establishment: who signs off its awards and agreements (`award.signOff`). */
export function establishmentGovernorsWhere(establishmentId: string): Prisma.UserWhereInput {
  return { role: "GOVERNOR", disabledAt: null, establishments: { some: { establishmentId } } };
}

/** The enabled provider users of some organisations (ids, or a filter): who acts for them (`bid.readOwn`, `letter.readAsBidder`). */
export function providerUsersWhere(organisations: string[] | Prisma.OrganisationWhereInput): Prisma.UserWhereInput {
  const which = Array.isArray(organisations) ? { organisationId: { in: organisations } } : { organisation: organisations };
  return { role: "PROVIDER", disabledAt: null, ...which };
}

/**
 * `tender.manage` asked the other way round: the enabled commissioners running a tender (its creator, unless they
 * are no longer a commissioner, and accepted commissioner seats; a creator who stepped back from the panel still runs it).
 */
export function tenderRunnersWhere(tenderId: string): Prisma.UserWhereInput {
  return {
    role: "COMMISSIONER",
    disabledAt: null,
    OR: [
      { tendersCreated: { some: { id: tenderId } } },
      { panelMemberships: { some: { tenderId, role: "COMMISSIONER", status: "ACCEPTED" } } },
    ],
  };
}

/** `panelRoleFor` as a `where`: the enabled people who may be put on a panel. */
export function panelCandidatesWhere(): Prisma.UserWhereInput {
  return { role: { in: ["COMMISSIONER", "TECHNICIAN"] }, disabledAt: null };
}

/**
 * Who reads an establishment's agreements, contracts and outcome letters (commissioners: every establishment's;
 * governors: their own), as a `where` on the record's establishmentId; null = nothing. Lists and single records are
 * both read through it; `agreement.read` is the same rule asked of a loaded record.
 */
export function establishmentScopeWhere(actor: Actor): { establishmentId?: { in: string[] } } | null {
  if (is(actor, "COMMISSIONER")) return {};
  if (is(actor, "GOVERNOR")) return { establishmentId: { in: actor.establishmentIds } };
  return null;
}

/** `contract.read` / `contract.readOwn` as a `where` on Contract; null = nothing. */
export function contractsReadableWhere(actor: Actor): Prisma.ContractWhereInput | null {
  if (is(actor, "PROVIDER")) return actor.organisationId ? { organisationId: actor.organisationId } : null;
  return establishmentScopeWhere(actor);
}

/**
 * `bid.read` for the panel, as a `where` on the tender: an accepted seat, a
 * young commissioner only while they consent, and no declared conflict of
 * interest (a conflict excludes the member from the whole tender).
 */
export function evaluatesTenderWhere(actor: Actor, consented: Prisma.UserWhereInput): Prisma.TenderWhereInput {
  if (!is(actor, "COMMISSIONER", "TECHNICIAN")) return NOTHING;
  return {
    panelMembers: {
      some: { userId: actor.id, status: "ACCEPTED", user: consented, conflictDeclarations: { none: { hasConflict: true } } },
    },
  };
}

// ---- Sections and landing pages ------------------------------------------

export type Section =
  | "tenders"
  | "panels"
  | "establishment"
  | "opportunities"
  | "admin"
  | "outbox"
  | "agreements"
  | "contracts"
  | "time"
  | "letters"
  | "welcome"
  | "account"
  | "closures"
  | "shaping";

const SECTIONS: Record<Section, readonly Role[]> = {
  tenders: ["COMMISSIONER"],
  panels: ["COMMISSIONER", "TECHNICIAN"],
  establishment: ["GOVERNOR"],
  opportunities: ["PROVIDER"],
  admin: ["ADMIN"],
  outbox: ["ADMIN"],
  agreements: ["COMMISSIONER", "GOVERNOR"],
  contracts: ["COMMISSIONER", "GOVERNOR", "PROVIDER"],
  time: ["TECHNICIAN", "COMMISSIONER"],
  letters: ["PROVIDER", "COMMISSIONER", "GOVERNOR"],
  welcome: ["TECHNICIAN"],
  account: ["ADMIN", "COMMISSIONER", "TECHNICIAN", "GOVERNOR", "PROVIDER"],
  closures: ["ADMIN", "COMMISSIONER"],
  shaping: ["COMMISSIONER", "TECHNICIAN", "GOVERNOR"],
};

export function canUseSection(actor: Actor, section: Section): boolean {
  return SECTIONS[section].includes(actor.role);
}

/** Where each role lands after signing in. */
export function homePath(role: Role): string {
  switch (role) {
    case "COMMISSIONER":
      return "/tenders";
    case "TECHNICIAN":
      return "/panels";
    case "GOVERNOR":
      return "/establishment";
    case "PROVIDER":
      return "/opportunities";
    case "ADMIN":
      return "/admin/users";
    default: {
      // A new role does not compile until it has a landing page.
      const _exhaustive: never = role;
      return _exhaustive;
    }
  }
}

/** Who may be put on a panel, and with which panel role. */
export function panelRoleFor(user: { role: Role }): PanelRole | null {
  return user.role === "COMMISSIONER" ? "COMMISSIONER" : user.role === "TECHNICIAN" ? "TECHNICIAN" : null;
}

/** Young commissioners are asked for consent; everyone else counts as consented. */
export function needsConsentToTakePart(actor: Pick<Actor, "role">): boolean {
  return is(actor, "TECHNICIAN");
}

/** Governors are linked to establishments; other roles have none. */
export function hasEstablishments(user: { role: Role }): boolean {
  return user.role === "GOVERNOR";
}

/** `user.invite` by the role being invited (the invitation form). */
export function canInvite(actor: Actor, role: Role): boolean {
  return can(actor, "user.invite", { role });
}
