// The authorization matrix: for every entry point of the app (tests/fixtures/entry-points.ts),
// one or more targets (a record in a lifecycle state) and who may use it. Everyone
// not listed must be refused, and a refused action must change no row.
import { ACTOR_KEYS, type ActorKey, type World } from "./actors";

export interface PageTarget {
  entry: string;
  label?: string;
  path: (w: World) => string;
  /** Route handlers that answer JSON or CSV. */
  accept?: string;
  method?: "GET" | "POST";
  allow: readonly ActorKey[];
}
export interface ActionTarget {
  entry: string;
  label?: string;
  /** The page to POST to (one that uses the action). */
  page: (w: World) => string;
  /** Arguments as the browser sends them: bound ones, then the form state, then the form's fields. */
  args: (w: World, actor: ActorKey) => unknown[];
  allow: readonly ActorKey[];
  /** Allowed calls of these change who someone is (a seat, a consent, a session): made after all others. */
  last?: boolean;
}

const every = ACTOR_KEYS;
const signedIn = ACTOR_KEYS.filter((a) => a !== "anonymous");
const ADMIN = ["admin"] as const;
const commissioners = ACTOR_KEYS.filter((a) => a.startsWith("commissioner"));
const technicians = ACTOR_KEYS.filter((a) => a.startsWith("young commissioner"));
const governors = ACTOR_KEYS.filter((a) => a.startsWith("governor"));
const providers = ACTOR_KEYS.filter((a) => a.startsWith("provider"));
/**
 * The commissioners running a tender: its creator and every accepted commissioner's seat. A conflict of
 * interest keeps a member from the bids and their scores, not from running the tender.
 */
const RUNS = ["commissioner: created the tender", "commissioner: accepted seat", "commissioner: conflicted"] as const;
const OWN_GOVERNOR = ["governor: this establishment"] as const;
const BIDDER = ["provider: bidder"] as const;
const BIDDERS = ["provider: bidder", "provider: rival bidder"] as const;
/** An accepted seat with no conflict of interest (young commissioners who consented). */
const EVALUATORS = ["commissioner: created the tender", "commissioner: accepted seat", "young commissioner: accepted seat"] as const;
const TECH = ["young commissioner: accepted seat"] as const;
/** Everyone who took a seat (accepted, stepped back since, or conflicted): the panel's own pages. */
const SEATED = [
  ...EVALUATORS,
  "commissioner: conflicted",
  "commissioner: stepped back",
  "young commissioner: conflicted",
  "young commissioner: stepped back",
] as const;

// Shaping (issue 24), on the demo's stage in GATHERING (world.shaping): its tender's creator runs it; Tom Okafor
// ("commissioner: accepted seat") facilitates; accepted members (conflicted = accepted there) take part.
const SHAPING_RUNS = ["commissioner: created the tender"] as const;
const SHAPING_YOUNG = ["young commissioner: accepted seat", "young commissioner: conflicted"] as const;
const SHAPING_MEMBERS = ["commissioner: accepted seat", "commissioner: conflicted", ...SHAPING_YOUNG] as const;
/** Facilitators: the commissioner running the tender and Tom Okafor (a facilitating member). */
const SHAPING_FACILITATORS = [...SHAPING_RUNS, "commissioner: accepted seat"] as const;
const SHAPING_READERS = [...SHAPING_RUNS, ...SHAPING_MEMBERS, ...OWN_GOVERNOR] as const;
// The demo's finished shaping stage on the draft tender (world.finishedShaping, CLOSED): those running the tender
// manage and facilitate it; they and Jay ("young commissioner: accepted seat", a member) rank; the governor reads it.
const SHAPED_RANKERS = [...RUNS, ...TECH] as const;
const SHAPED_READERS = [...SHAPED_RANKERS, ...OWN_GOVERNOR] as const;

const state = { status: "idle" };
const form = (fields: Record<string, string | string[]>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) f.append(k, one);
  return f;
};

const page = (entry: string, path: PageTarget["path"], allow: readonly ActorKey[], label?: string): PageTarget => ({
  entry: `page ${entry}`,
  path,
  allow,
  label,
});
const route = (entry: string, path: PageTarget["path"], allow: readonly ActorKey[], label?: string, accept = "*/*"): PageTarget => ({
  entry,
  path,
  allow,
  label,
  accept,
  method: entry.startsWith("POST") ? "POST" : "GET",
});

export const PAGE_TARGETS: PageTarget[] = [
  page("/", () => "/", signedIn),
  page("/login", () => "/login", every),
  page("/words", () => "/words", every),
  page("/open-data", () => "/open-data", every),
  page("/notices/[awardDecisionId]/[kind]", (w) => `/notices/${w.awardDecision.standstill}/intention`, every),
  page("/notices/[awardDecisionId]/[kind]", (w) => `/notices/${w.awardDecision.awarded}/award`, every, "award confirmation"),
  page("/notices/[awardDecisionId]/[kind]", (w) => `/notices/${w.awardDecision.signOff}/intention`, [], "not yet approved"),
  page("/invitations/[token]", (w) => `/invitations/${w.invitationToken}`, every),
  page("/reset-password", () => "/reset-password", every),
  page("/reset-password/[token]", (w) => `/reset-password/${w.passwordResetToken}`, every),
  page("/account", () => "/account", signedIn),
  page("/account/closures", () => "/account/closures", [...ADMIN, ...commissioners]),
  page("/account/data", () => "/account/data", technicians),
  page("/admin/audit", () => "/admin/audit", ADMIN),
  page("/admin/organisations", () => "/admin/organisations", ADMIN),
  page("/admin/organisations/[organisationId]", (w) => `/admin/organisations/${w.organisation}`, ADMIN),
  page("/admin/outbox", () => "/admin/outbox", ADMIN),
  page("/admin/users", () => "/admin/users", ADMIN),
  page("/agreements", () => "/agreements", [...commissioners, ...governors]),
  page("/agreements/new", () => "/agreements/new", commissioners),
  page("/agreements/[agreementId]", (w) => `/agreements/${w.agreement}`, [...commissioners, ...OWN_GOVERNOR]),
  page("/agreements/[agreementId]/edit", (w) => `/agreements/${w.agreement}/edit`, commissioners),
  page("/agreements/[agreementId]/compare", (w) => `/agreements/${w.agreement}/compare?from=1&to=1`, [...commissioners, ...OWN_GOVERNOR]),
  page("/agreements/[agreementId]/versions/[version]", (w) => `/agreements/${w.agreement}/versions/1`, [...commissioners, ...OWN_GOVERNOR]),
  page("/contracts", () => "/contracts", [...commissioners, ...governors, ...providers]),
  // The Feltham physiotherapy contract: won by the rival bidder (Harbour).
  page("/contracts/[contractId]", (w) => `/contracts/${w.contract}`, [...commissioners, ...OWN_GOVERNOR, "provider: rival bidder"]),
  // The Cookham Wood contract's checks: won by the bidder (Thameside).
  page("/contracts/[contractId]/commitments", (w) => `/contracts/${w.checks.contract}/commitments`, [
    ...commissioners,
    ...OWN_GOVERNOR,
    ...BIDDER,
  ]),
  page("/contracts/[contractId]/commitments/edit", (w) => `/contracts/${w.checks.contract}/commitments/edit`, commissioners),
  page("/contracts/[contractId]/periods/[period]", (w) => `/contracts/${w.checks.contract}/periods/${w.checks.period}`, [
    ...commissioners,
    ...OWN_GOVERNOR,
    ...BIDDER,
  ]),
  page("/establishment", () => "/establishment", governors),
  page("/establishment/sign-offs/[awardDecisionId]", (w) => `/establishment/sign-offs/${w.awardDecision.signOff}`, OWN_GOVERNOR),
  page("/letters/[awardDecisionId]", (w) => `/letters/${w.awardDecision.standstill}`, [...commissioners, ...OWN_GOVERNOR, ...BIDDERS]),
  page("/letters/[awardDecisionId]/[bidId]", (w) => `/letters/${w.awardDecision.standstill}/${w.bid.standstill}`, [
    ...commissioners,
    ...OWN_GOVERNOR,
    ...BIDDER,
  ]),
  page("/opportunities", () => "/opportunities", providers),
  page("/opportunities/[tenderId]", (w) => `/opportunities/${w.tenders.published}`, providers, "open for bids"),
  page("/opportunities/[tenderId]", (w) => `/opportunities/${w.tenders.draft}`, [], "draft"),
  page("/opportunities/[tenderId]/bid", (w) => `/opportunities/${w.tenders.published}/bid`, providers, "open for bids"),
  page("/panels", () => "/panels", [...commissioners, ...technicians]),
  page("/panels/[tenderId]", (w) => `/panels/${w.tenders.evaluation}`, SEATED, "evaluation"),
  page("/panels/[tenderId]/bids/[bidId]", (w) => `/panels/${w.tenders.evaluation}/bids/${w.bid.evaluation}`, EVALUATORS, "evaluation"),
  page("/panels/[tenderId]/moderation", (w) => `/panels/${w.tenders.moderation}/moderation`, EVALUATORS, "moderation"),
  page(
    "/panels/[tenderId]/moderation/[bidId]",
    (w) => `/panels/${w.tenders.moderation}/moderation/${w.bid.moderation}`,
    EVALUATORS,
    "moderation",
  ),
  page("/panels/[tenderId]/outcome", (w) => `/panels/${w.tenders.awarded}/outcome`, SEATED, "awarded"),
  page("/panels/[tenderId]/step-back", (w) => `/panels/${w.tenders.evaluation}/step-back`, SEATED, "evaluation"),
  page("/tenders", () => "/tenders", commissioners),
  page("/tenders/new", () => "/tenders/new", commissioners),
  // Every commissioner reads what a tender is, its stage and who runs it (colleagues: the page's short view); its details,
  // questions and award only the commissioners running it (issue 22, item 8).
  page("/tenders/[tenderId]", (w) => `/tenders/${w.tenders.evaluation}`, commissioners, "evaluation"),
  page("/tenders/[tenderId]", (w) => `/tenders/${w.tenders.draft}`, commissioners, "draft"),
  page("/tenders/[tenderId]/audit", (w) => `/tenders/${w.tenders.evaluation}/audit`, [...RUNS, ...OWN_GOVERNOR, ...ADMIN], "evaluation"),
  // The award, and representations on it (the file below): the commissioners running the tender.
  page("/tenders/[tenderId]/award", (w) => `/tenders/${w.tenders.standstill}/award`, RUNS, "standstill"),
  page("/tenders/[tenderId]/award", (w) => `/tenders/${w.tenders.signOff}/award`, RUNS, "sign-off"),
  page("/tenders/[tenderId]/cancel", (w) => `/tenders/${w.tenders.published}/cancel`, RUNS, "open for bids"),
  // The providers' questions, who asked and answering: only the commissioners running it (the actions below too).
  page("/tenders/[tenderId]/clarifications", (w) => `/tenders/${w.tenders.published}/clarifications`, RUNS, "open for bids"),
  page("/tenders/[tenderId]/criteria", (w) => `/tenders/${w.tenders.draft}/criteria`, RUNS, "draft"),
  page("/shaping/[stageId]/themes", (w) => `/shaping/${w.finishedShaping.stage}/themes`, RUNS, "closed"),
  page("/shaping/[stageId]/priorities", (w) => `/shaping/${w.finishedShaping.stage}/priorities`, SHAPED_READERS, "closed"),
  page("/shaping/[stageId]/specification", (w) => `/shaping/${w.finishedShaping.stage}/specification`, RUNS, "closed"),
  page("/shaping/[stageId]/agree", (w) => `/shaping/${w.finishedShaping.stage}/agree`, TECH, "closed"),
  page("/tenders/[tenderId]/edit", (w) => `/tenders/${w.tenders.draft}/edit`, RUNS, "draft"),
  page("/tenders/[tenderId]/panel", (w) => `/tenders/${w.tenders.draft}/panel`, RUNS, "draft"),
  page("/shaping", () => "/shaping", [...commissioners, ...technicians, ...governors]),
  page("/shaping/[stageId]", (w) => `/shaping/${w.shaping.stage}`, SHAPING_READERS, "gathering"),
  page("/shaping/[stageId]/people", (w) => `/shaping/${w.shaping.stage}/people`, SHAPING_RUNS, "gathering"),
  page("/shaping/[stageId]/codes", (w) => `/shaping/${w.shaping.stage}/codes`, SHAPING_FACILITATORS, "gathering"),
  page("/shaping/[stageId]/check", (w) => `/shaping/${w.shaping.stage}/check`, SHAPING_FACILITATORS, "gathering"),
  // The anonymous form: everyone may open the page where a code is typed (a wrong code is a message on it).
  page("/have-your-say", () => "/have-your-say", every),
  page("/have-your-say", () => "/have-your-say?code=ABCD-EFGH-JK", every, "a code that does not work"),
  page("/have-your-say/thanks", () => "/have-your-say/thanks", every),
  page("/shaping/[stageId]/questions", (w) => `/shaping/${w.shaping.stage}/questions`, SHAPING_RUNS, "gathering"),
  page("/shaping/[stageId]/answer", (w) => `/shaping/${w.shaping.stage}/answer`, SHAPING_YOUNG, "gathering"),
  page("/shaping/[stageId]/sessions", (w) => `/shaping/${w.shaping.stage}/sessions`, SHAPING_FACILITATORS, "gathering"),
  page("/shaping/[stageId]/sessions/new", (w) => `/shaping/${w.shaping.stage}/sessions/new`, SHAPING_FACILITATORS, "gathering"),
  // The easy-read "You said, we did" to print: the facilitators (its creator runs it; Tom Okafor facilitates) and the governor.
  page(
    "/shaping/[stageId]/you-said-we-did",
    (w) => `/shaping/${w.shaping.stage}/you-said-we-did`,
    [...SHAPING_FACILITATORS, ...OWN_GOVERNOR],
    "gathering",
  ),
  page("/tenders/[tenderId]/shape", (w) => `/tenders/${w.tenders.draft}/shape`, RUNS, "draft"),
  page("/time", () => "/time", [...commissioners, ...technicians]),
  page("/time/new", () => "/time/new", technicians),
  page("/time/[entryId]/edit", (w) => `/time/${w.timeEntry.pending}/edit`, TECH),
  page("/welcome", () => "/welcome", technicians),

  route("GET /api/account/data.json", () => "/api/account/data.json", technicians, undefined, "application/json"),
  route("GET /api/audit.csv", () => "/api/audit.csv", ADMIN),
  route("GET /api/auth/[...nextauth]", () => "/api/auth/session", every, "session", "application/json"),
  route("POST /api/auth/[...nextauth]", () => "/api/auth/_log", every, "log", "application/json"),
  route("GET /api/bids/attachments/[id]", (w) => `/api/bids/attachments/${w.bidFile.published}`, BIDDER, "sealed: open for bids"),
  route("GET /api/bids/attachments/[id]", (w) => `/api/bids/attachments/${w.bidFile.evaluation}`, [...BIDDER, ...EVALUATORS], "evaluation"),
  route("GET /api/health", () => "/api/health", every),
  route("GET /api/health/live", () => "/api/health/live", every),
  route("GET /api/health/ready", () => "/api/health/ready", every),
  route("GET /api/ocds/releases", () => "/api/ocds/releases", every),
  route("GET /api/ocds/tenders/[ocid]", (w) => `/api/ocds/tenders/${encodeURIComponent(w.ocid)}`, every),
  route("GET /api/ocds/notices/[awardDecisionId]/[kind]", (w) => `/api/ocds/notices/${w.awardDecision.standstill}/intention`, every),
  route(
    "GET /api/ocds/notices/[awardDecisionId]/[kind]",
    (w) => `/api/ocds/notices/${w.awardDecision.awarded}/award`,
    every,
    "award confirmation",
  ),
  route(
    "GET /api/contracts/[contractId]/return-files/[fileId]",
    (w) => `/api/contracts/${w.checks.contract}/return-files/${w.checks.file}`,
    [...commissioners, ...OWN_GOVERNOR, ...BIDDER],
  ),
  route("GET /api/representations/attachments/[id]", (w) => `/api/representations/attachments/${w.representationFile}`, [
    ...BIDDER,
    ...RUNS,
    ...OWN_GOVERNOR,
  ]),
  route("GET /api/tenders/[tenderId]/audit.csv", (w) => `/api/tenders/${w.tenders.evaluation}/audit.csv`, [
    ...RUNS,
    ...OWN_GOVERNOR,
    ...ADMIN,
  ]),
  route("GET /api/time/claims.csv", () => "/api/time/claims.csv", commissioners),
];

const action = (name: string, file: string, t: Omit<ActionTarget, "entry">): ActionTarget => ({
  entry: `action ${name} (src/app/${file})`,
  ...t,
});

const TENDER_FORM = {
  title: "Matrix tender",
  reference: "MATRIX-1",
  summary: "A tender made by the authorization matrix.",
  estimatedValue: "100000",
  contractStartDate: "2027-09-01",
  contractTermMonths: "24",
  clarificationDeadline: "2027-05-01T12:00",
  submissionDeadline: "2027-06-01T12:00",
  technicianHourlyRate: "15",
};

export const ACTION_TARGETS: ActionTarget[] = [
  action("signInAction", "(public)/login/actions.ts", {
    page: () => "/login",
    args: () => [state, form({ email: "nobody@matrix.example", password: "wrong password" })],
    allow: every,
  }),
  action("acceptInvitationAction", "(public)/invitations/[token]/actions.ts", {
    page: (w) => `/invitations/${w.invitationToken}`,
    // Passwords that differ: reaching the form's own check is what "allowed" means for a public page.
    args: (w) => [state, form({ token: w.invitationToken, password: "a long enough password", confirmPassword: "another long password" })],
    allow: every,
  }),
  action("requestPasswordResetAction", "(public)/reset-password/actions.ts", {
    page: () => "/reset-password",
    // The same answer for any address: an address with no account is as good as any.
    args: () => [state, form({ email: "nobody@matrix.example" })],
    allow: every,
  }),
  action("resetPasswordAction", "(public)/reset-password/[token]/actions.ts", {
    page: (w) => `/reset-password/${w.passwordResetToken}`,
    // Passwords that differ: reaching the form's own check is what "allowed" means for a public page.
    args: (w) => [
      state,
      form({ token: w.passwordResetToken, password: "a long enough password", confirmPassword: "another long password" }),
    ],
    allow: every,
  }),
  action("changeNameAction", "(portal)/account/actions.ts", {
    page: () => "/account",
    // An empty name: reaching the use case's own check is "allowed", and nobody's name changes.
    args: () => [state, form({ name: "" })],
    allow: signedIn,
  }),
  action("changePasswordAction", "(portal)/account/actions.ts", {
    page: () => "/account",
    // New passwords that differ: refused by the form's own check, before any password is checked or changed.
    args: () => [state, form({ currentPassword: "wrong", password: "a long enough password", confirmPassword: "another long password" })],
    allow: signedIn,
  }),
  action("endSessionAction", "(portal)/account/actions.ts", {
    page: () => "/account",
    // Each person signs out their own other device; nobody's session but their own is theirs to end.
    args: (w, actor) => [actor === "anonymous" ? w.otherSessions.admin : w.otherSessions[actor], state, form({})],
    allow: signedIn,
  }),
  action("endOtherSessionsAction", "(portal)/account/actions.ts", {
    page: () => "/account",
    args: () => [state, form({})],
    allow: signedIn,
    last: true,
  }),
  action("closeAccountAction", "(portal)/account/closures/actions.ts", {
    page: () => "/account/closures",
    // The box left unticked: the closer reaches the form's own check; nothing is removed.
    args: (w) => [w.closingTechnician, state, form({ confirm: "" })],
    allow: [...ADMIN, ...RUNS],
  }),
  action("requestClosureAction", "(portal)/account/data/actions.ts", {
    page: () => "/account/data",
    args: () => [state, form({ confirm: "" })],
    allow: technicians,
  }),
  action("createInvitationAction", "(portal)/admin/users/actions.ts", {
    page: () => "/admin/users",
    args: () => [state, form({ email: "", name: "", role: "TECHNICIAN" })],
    allow: ADMIN,
  }),
  action("createOrganisationAction", "(portal)/admin/organisations/actions.ts", {
    page: () => "/admin/organisations",
    args: () => [state, form({ name: "", kind: "PROVIDER" })],
    allow: ADMIN,
  }),
  action("updateOrganisationAction", "(portal)/admin/organisations/actions.ts", {
    page: (w) => `/admin/organisations/${w.organisation}`,
    args: (w) => [w.organisation, state, form({ name: "", kind: "PROVIDER" })],
    allow: ADMIN,
  }),
  action("createAgreementAction", "(portal)/agreements/actions.ts", {
    page: () => "/agreements/new",
    args: () => [state, form({ establishmentId: "", title: "" })],
    allow: commissioners,
  }),
  action("saveVersionAction", "(portal)/agreements/actions.ts", {
    page: (w) => `/agreements/${w.agreement}/edit`,
    args: (w) => [w.agreement, 1, state, form({ priorities: "" })],
    allow: commissioners,
  }),
  action("signAgreementAction", "(portal)/agreements/actions.ts", {
    page: (w) => `/agreements/${w.agreement}`,
    args: (w, actor) => [
      w.agreement,
      1,
      state,
      actor.startsWith("governor")
        ? form({ decision: "CHANGES_REQUESTED", typedName: "", comment: "Add the dental service.", contentHash: w.agreementHash })
        : form({
            decision: "APPROVED",
            typedName: actor === "anonymous" ? "Nobody" : w.names[actor],
            comment: "",
            contentHash: w.agreementHash,
          }),
    ],
    allow: [...commissioners, ...OWN_GOVERNOR],
  }),
  action("startRetenderAction", "(portal)/contracts/actions.ts", {
    page: (w) => `/contracts/${w.contract}`,
    args: (w) => [w.contract, state, form({})],
    allow: commissioners,
  }),
  action("saveCommitmentsAction", "(portal)/contracts/[contractId]/actions.ts", {
    page: (w) => `/contracts/${w.checks.contract}/commitments/edit`,
    args: (w) => [w.checks.contract, 99, state, form({ "measures.0.name": "" })],
    allow: commissioners,
  }),
  action("signCommitmentsAction", "(portal)/contracts/[contractId]/actions.ts", {
    page: (w) => `/contracts/${w.checks.contract}/commitments`,
    args: (w) => [
      w.checks.contract,
      1,
      state,
      form({ decision: "APPROVED", typedName: "Not my name", comment: "", contentHash: "0".repeat(64) }),
    ],
    allow: [...commissioners, ...BIDDER],
  }),
  action("submitReturnAction", "(portal)/contracts/[contractId]/actions.ts", {
    page: (w) => `/contracts/${w.checks.contract}/periods/${w.checks.period}`,
    args: (w) => [w.checks.contract, w.checks.period, state, form({ narrative: "" })],
    allow: BIDDER,
  }),
  action("saveReviewAction", "(portal)/contracts/[contractId]/actions.ts", {
    page: (w) => `/contracts/${w.checks.contract}/periods/${w.checks.period}`,
    args: (w) => [w.checks.contract, w.checks.period, state, form({ summary: "" })],
    allow: commissioners,
  }),
  action("signReviewAction", "(portal)/contracts/[contractId]/actions.ts", {
    page: (w) => `/contracts/${w.checks.contract}/periods/${w.checks.period}`,
    args: (w) => [
      w.checks.contract,
      w.checks.period,
      state,
      form({ decision: "APPROVED", typedName: "Not my name", contentHash: "0".repeat(64) }),
    ],
    allow: [...commissioners, ...OWN_GOVERNOR],
  }),
  action("answerActionAction", "(portal)/contracts/[contractId]/actions.ts", {
    page: (w) => `/contracts/${w.checks.contract}/periods/${w.checks.period}`,
    args: (w) => [w.checks.contract, w.checks.period, w.checks.action, state, form({ body: "" })],
    allow: BIDDER,
  }),
  action("decideAwardAction", "(portal)/establishment/actions.ts", {
    page: (w) => `/establishment/sign-offs/${w.awardDecision.signOff}`,
    args: (w) => [
      w.awardDecision.signOff,
      state,
      form({ decision: "CHANGES_REQUESTED", typedName: "", comment: "Look again at the price scores.", contentHash: w.signOffHash }),
    ],
    allow: OWN_GOVERNOR,
  }),
  action("makeRepresentationAction", "(portal)/letters/[awardDecisionId]/actions.ts", {
    page: (w) => `/letters/${w.awardDecision.standstill}`,
    args: (w) => [w.awardDecision.standstill, state, form({ text: "The price was scored wrongly." })],
    allow: BIDDERS,
  }),
  action("answerClarificationAction", "(portal)/letters/[awardDecisionId]/actions.ts", {
    page: (w) => `/letters/${w.awardDecision.standstill}`,
    args: (w) => [w.awardDecision.standstill, w.representation, state, form({ answer: "Our workings are attached." })],
    allow: BIDDER,
  }),
  action("askQuestionAction", "(portal)/opportunities/[tenderId]/actions.ts", {
    page: (w) => `/opportunities/${w.tenders.published}`,
    args: (w) => [w.tenders.published, state, form({ question: "" })],
    allow: providers,
  }),
  action("bidAction", "(portal)/opportunities/[tenderId]/actions.ts", {
    page: (w) => `/opportunities/${w.tenders.published}/bid`,
    args: (w) => [w.tenders.published, state, form({ intent: "save", price: "not a price" })],
    allow: providers,
  }),
  action("attachmentAction", "(portal)/opportunities/[tenderId]/actions.ts", {
    page: (w) => `/opportunities/${w.tenders.published}/bid`,
    args: (w) => [w.tenders.published, state, form({ intent: "remove", attachmentId: w.bidFile.published })],
    allow: BIDDER,
  }),
  action("declareConflictsAction", "(portal)/panels/[tenderId]/actions.ts", {
    page: (w) => `/panels/${w.tenders.evaluation}`,
    args: (w) => [
      w.tenders.evaluation,
      w.evaluationBidders,
      state,
      form(Object.fromEntries(w.evaluationBidders.map((id) => [`conflict.${id}`, "no"]))),
    ],
    // Declarations are the member's own and can change until they score; a member who stepped back no longer declares.
    allow: [...EVALUATORS, "commissioner: conflicted", "young commissioner: conflicted"],
  }),
  action("scoreBidAction", "(portal)/panels/[tenderId]/actions.ts", {
    page: (w) => `/panels/${w.tenders.evaluation}/bids/${w.bid.evaluation}`,
    args: (w) => [w.tenders.evaluation, w.bid.evaluation, state, form({ intent: "save", [`score.${w.criterion.evaluation}`]: "9" })],
    allow: EVALUATORS,
  }),
  action("autosaveScoresAction", "(portal)/panels/[tenderId]/actions.ts", {
    page: (w) => `/panels/${w.tenders.evaluation}/bids/${w.bid.evaluation}`,
    args: (w) => [
      w.tenders.evaluation,
      w.bid.evaluation,
      form({ [`score.${w.criterion.evaluation}`]: "3", [`reason.${w.criterion.evaluation}`]: "Fine." }),
    ],
    allow: EVALUATORS,
  }),
  action("chairAction", "(portal)/panels/[tenderId]/actions.ts", {
    page: (w) => `/panels/${w.tenders.evaluation}`,
    args: (w) => [w.tenders.evaluation, state, form({ command: "moderate" })],
    allow: ["commissioner: created the tender"],
  }),
  action("reviseScoreAction", "(portal)/panels/[tenderId]/actions.ts", {
    page: (w) => `/panels/${w.tenders.moderation}/moderation/${w.bid.moderation}`,
    args: (w) => [
      w.tenders.moderation,
      w.bid.moderation,
      w.criterion.moderation,
      state,
      form({ score: "3", reason: "Covers what is needed.", revisionReason: "Agreed in moderation." }),
    ],
    allow: EVALUATORS,
  }),
  action("stepBackAction", "(portal)/panels/[tenderId]/actions.ts", {
    page: (w) => `/panels/${w.tenders.evaluation}/step-back`,
    args: (w) => [w.tenders.evaluation, state, form({ keepSubmittedScores: "yes" })],
    // Any accepted seat, conflicted too; a member who already stepped back is told so (409).
    allow: [...SEATED],
    last: true,
  }),
  action("respondToPanelInvitationAction", "(portal)/panels/actions.ts", {
    page: () => "/panels",
    args: (w) => [state, form({ panelMemberId: w.panelSeat.invitedToDraft, answer: "decline" })],
    allow: ["young commissioner: invited"],
    last: true,
  }),
  action("createTenderAction", "(portal)/tenders/actions.ts", {
    page: () => "/tenders/new",
    args: () => [state, form({ ...TENDER_FORM, title: "" })],
    allow: commissioners,
  }),
  action("updateTenderAction", "(portal)/tenders/actions.ts", {
    page: (w) => `/tenders/${w.tenders.draft}/edit`,
    args: (w) => [
      w.tenders.draft,
      state,
      form({
        ...TENDER_FORM,
        establishmentId: w.establishment,
        procurementRoute: "PSR_COMPETITIVE_PROCESS",
        aggregationRule: "EQUAL_VOTES",
      }),
    ],
    allow: RUNS,
  }),
  action("saveCriterionAction", "(portal)/tenders/actions.ts", {
    page: (w) => `/tenders/${w.tenders.draft}/criteria`,
    args: (w) => [
      w.tenders.draft,
      state,
      form({
        name: "Social value",
        description: "What else the service brings.",
        plainLanguageDescription: "Extra good.",
        weight: "5",
        kind: "QUALITY",
        wordLimit: "500",
      }),
    ],
    allow: RUNS,
  }),
  action("criterionCommandAction", "(portal)/tenders/actions.ts", {
    page: (w) => `/tenders/${w.tenders.draft}/criteria`,
    args: (w) => [w.tenders.draft, state, form({ command: "up", criterionId: w.criterion.draft })],
    allow: RUNS,
  }),
  action("panelAction", "(portal)/tenders/actions.ts", {
    page: (w) => `/tenders/${w.tenders.draft}/panel`,
    args: (w) => [w.tenders.draft, state, form({ command: "invite", userId: w.userIds["young commissioner: no seat"] })],
    allow: RUNS,
  }),
  action("publishTenderAction", "(portal)/tenders/actions.ts", {
    page: (w) => `/tenders/${w.tenders.evaluation}`,
    args: (w) => [w.tenders.evaluation, state, form({})],
    allow: RUNS,
  }),
  action("openBidsAction", "(portal)/tenders/actions.ts", {
    page: (w) => `/tenders/${w.tenders.published}`,
    args: (w) => [w.tenders.published, state, form({})],
    allow: RUNS,
  }),
  action("cancelTenderAction", "(portal)/tenders/actions.ts", {
    page: (w) => `/tenders/${w.tenders.published}/cancel`,
    args: (w) => [w.tenders.published, state, form({ reason: "The service is no longer needed." })],
    allow: RUNS,
    last: true,
  }),
  action("answerQuestionAction", "(portal)/tenders/actions.ts", {
    page: (w) => `/tenders/${w.tenders.published}/clarifications`,
    args: (w) => [w.tenders.published, w.question, state, form({ answer: "Yes, on Saturdays." })],
    allow: RUNS,
  }),
  action("revealAskerAction", "(portal)/tenders/actions.ts", {
    page: (w) => `/tenders/${w.tenders.published}/clarifications`,
    args: (w) => [w.question, state, form({})],
    allow: RUNS,
  }),
  action("recommendAwardAction", "(portal)/tenders/[tenderId]/award/actions.ts", {
    page: (w) => `/tenders/${w.tenders.moderation}/award`,
    args: (w) => [w.tenders.moderation, state, form({ bidId: w.bid.moderation, justification: "" })],
    allow: RUNS,
  }),
  action("confirmAwardAction", "(portal)/tenders/[tenderId]/award/actions.ts", {
    page: (w) => `/tenders/${w.tenders.standstill}/award`,
    args: (w) => [w.tenders.standstill, state, form({})],
    allow: RUNS,
  }),
  action("askClarificationAction", "(portal)/tenders/[tenderId]/award/actions.ts", {
    page: (w) => `/tenders/${w.tenders.standstill}/award`,
    args: (w) => [w.tenders.standstill, w.representation, state, form({ question: "Which price do you mean?" })],
    allow: RUNS,
  }),
  action("decideRepresentationsAction", "(portal)/tenders/[tenderId]/award/actions.ts", {
    page: (w) => `/tenders/${w.tenders.standstill}/award`,
    args: (w) => [w.tenders.standstill, state, form({ outcome: "CONTINUE", reasons: "The prices were scored by the formula." })],
    allow: RUNS,
  }),
  action("openStageAction", "(portal)/shaping/actions.ts", {
    page: (w) => `/tenders/${w.tenders.draft}/shape`,
    // No purpose: those running the tender reach the form's own check; nothing is made.
    args: (w) => [w.tenders.draft, state, form({ purpose: "", gatheringFrom: "", gatheringUntil: "" })],
    allow: RUNS,
  }),
  action("changeStageAction", "(portal)/shaping/actions.ts", {
    page: (w) => `/shaping/${w.shaping.stage}`,
    // Gathering is open already: those running it are told so (409), nothing moves.
    args: (w) => [w.shaping.stage, state, form({ action: "openGathering", version: "1" })],
    allow: SHAPING_RUNS,
  }),
  action("stageMemberAction", "(portal)/shaping/actions.ts", {
    page: (w) => `/shaping/${w.shaping.stage}/people`,
    args: (w) => [w.shaping.stage, state, form({ userId: "" })],
    allow: SHAPING_RUNS,
  }),
  action("questionAction", "(portal)/shaping/actions.ts", {
    page: (w) => `/shaping/${w.shaping.stage}/questions`,
    // Gathering is open, so the questions are fixed: those running it are told so (409), nothing changes.
    args: (w) => [w.shaping.stage, state, form({ command: "save", questionId: w.shaping.question, text: "Changed", easyRead: "Changed" })],
    allow: SHAPING_RUNS,
  }),
  action("saveAnswerAction", "(portal)/shaping/actions.ts", {
    page: (w) => `/shaping/${w.shaping.stage}/answer`,
    // An empty box on a question they have not answered: saved as "no answer", nothing written.
    args: (w) => [w.shaping.stage, w.shaping.question, state, form({ text: "" })],
    allow: SHAPING_YOUNG,
  }),
  action("autosaveAnswerAction", "(portal)/shaping/actions.ts", {
    page: (w) => `/shaping/${w.shaping.stage}/answer`,
    args: (w) => [w.shaping.stage, w.shaping.question, form({ text: "" })],
    allow: SHAPING_YOUNG,
  }),
  action("recordSessionAction", "(portal)/shaping/actions.ts", {
    page: (w) => `/shaping/${w.shaping.stage}/sessions/new`,
    // No kind, date or setting: the facilitators reach the form's own checks; nothing is recorded.
    args: (w) => [w.shaping.stage, state, form({ kind: "", heldOn: "", setting: "", participantCount: "" })],
    allow: SHAPING_FACILITATORS,
  }),
  action("respondToStageInvitationAction", "(portal)/shaping/actions.ts", {
    page: () => "/shaping",
    args: (w) => [state, form({ memberId: w.shaping.invitedMember, answer: "decline" })],
    allow: ["young commissioner: invited"],
    last: true,
  }),
  action("makeCodesAction", "(portal)/shaping/[stageId]/codes/actions.ts", {
    page: (w) => `/shaping/${w.shaping.stage}/codes`,
    // No count: facilitators reach the form's own check (422); nothing is made.
    args: (w) => [w.shaping.stage, state, form({ count: "" })],
    allow: SHAPING_FACILITATORS,
  }),
  action("revokeCodesAction", "(portal)/shaping/[stageId]/codes/actions.ts", {
    page: (w) => `/shaping/${w.shaping.stage}/codes`,
    // A batch revoked already: facilitators are told there is nothing left to revoke (409).
    args: (w) => [w.shaping.stage, w.shaping.revokedBatch, state, form({})],
    allow: SHAPING_FACILITATORS,
  }),
  action("checkViewAction", "(portal)/shaping/[stageId]/check/actions.ts", {
    page: (w) => `/shaping/${w.shaping.stage}/check`,
    // No decision: facilitators are asked for one (422); the answer stays waiting.
    args: (w) => [w.shaping.stage, w.shaping.waitingView, state, form({ decision: "" })],
    allow: SHAPING_FACILITATORS,
  }),
  action("withdrawQuoteAction", "(portal)/shaping/[stageId]/check/actions.ts", {
    page: (w) => `/shaping/${w.shaping.stage}/check`,
    // The young person did not agree to be quoted: facilitators are told so (409).
    args: (w) => [w.shaping.stage, w.shaping.waitingView, state, form({})],
    allow: SHAPING_FACILITATORS,
  }),
  action("sendAnswersAction", "(public)/have-your-say/actions.ts", {
    page: () => "/have-your-say",
    // No code: everyone is told the code does not work (422, or 429 after many); nothing is written.
    args: () => [state, form({ code: "" })],
    allow: every,
  }),
  action("stepBackFromStageAction", "(portal)/shaping/actions.ts", {
    page: (w) => `/shaping/${w.shaping.stage}`,
    args: (w) => [w.shaping.stage, state, form({})],
    allow: SHAPING_MEMBERS,
    last: true,
  }),
  action("logTimeAction", "(portal)/time/actions.ts", {
    page: () => "/time/new",
    args: (w) => [state, form({ tenderId: w.tenders.evaluation, workedOn: "", minutes: "" })],
    allow: technicians,
  }),
  action("editTimeEntryAction", "(portal)/time/actions.ts", {
    page: (w) => `/time/${w.timeEntry.pending}/edit`,
    args: (w) => [
      w.timeEntry.pending,
      state,
      form({ tenderId: w.tenders.evaluation, workedOn: "2026-11-03", minutes: "60", activity: "READING_BIDS" }),
    ],
    allow: TECH,
  }),
  action("deleteTimeEntryAction", "(portal)/time/actions.ts", {
    page: (w) => `/time/${w.timeEntry.approved}/edit`,
    // An approved entry cannot be deleted: its owner is told so (a conflict), everyone else refused.
    args: (w) => [w.timeEntry.approved, state, form({})],
    allow: TECH,
  }),
  action("reviewTimeEntryAction", "(portal)/time/actions.ts", {
    page: () => "/time",
    args: (w) => [w.timeEntry.pending, state, form({ decision: "approve" })],
    allow: RUNS,
  }),
  action("markPaidAction", "(portal)/time/actions.ts", {
    page: () => "/time",
    args: (w) => [state, form({ entryIds: [w.timeEntry.approved] })],
    allow: RUNS,
  }),
  action("giveConsentAction", "(portal)/welcome/actions.ts", {
    page: () => "/welcome",
    args: () => [state, form({ textVersion: "", confirm: "no" })],
    allow: technicians,
  }),
  action("withdrawConsentAction", "(portal)/welcome/actions.ts", {
    page: () => "/welcome",
    args: () => [state, form({ confirm: "no" })],
    allow: technicians,
    last: true,
  }),
  // Shaping: themes, ranking, the specification and the co-production gate, on the finished stage (CLOSED).
  action("saveThemeAction", "(portal)/shaping/[stageId]/themes/actions.ts", {
    page: (w) => `/shaping/${w.finishedShaping.stage}/themes`,
    args: (w) => [w.finishedShaping.stage, state, form({ title: "Matrix theme", description: "" })],
    allow: RUNS,
  }),
  action("themeCommandAction", "(portal)/shaping/[stageId]/themes/actions.ts", {
    page: (w) => `/shaping/${w.finishedShaping.stage}/themes`,
    args: (w) => [w.finishedShaping.stage, state, form({ themeId: w.finishedShaping.theme, command: "down" })],
    allow: RUNS,
  }),
  action("setViewThemesAction", "(portal)/shaping/[stageId]/themes/actions.ts", {
    page: (w) => `/shaping/${w.finishedShaping.stage}/themes`,
    args: (w) => [w.finishedShaping.stage, state, form({ viewId: w.finishedShaping.view, themeIds: [w.finishedShaping.theme] })],
    allow: RUNS,
  }),
  action("chooseQuoteAction", "(portal)/shaping/[stageId]/themes/actions.ts", {
    page: (w) => `/shaping/${w.finishedShaping.stage}/themes`,
    args: (w) => [w.finishedShaping.stage, state, form({ themeId: w.finishedShaping.theme, viewId: w.finishedShaping.view, use: "no" })],
    allow: RUNS,
  }),
  action("rankThemesAction", "(portal)/shaping/[stageId]/priorities/actions.ts", {
    page: (w) => `/shaping/${w.finishedShaping.stage}/priorities`,
    args: (w) => [w.finishedShaping.stage, state, form({})],
    allow: SHAPED_RANKERS,
  }),
  action("saveRequirementAction", "(portal)/shaping/[stageId]/specification/actions.ts", {
    page: (w) => `/shaping/${w.finishedShaping.stage}/specification`,
    args: (w) => [w.finishedShaping.stage, state, form({ text: "A requirement the matrix wrote", themeIds: [w.finishedShaping.theme] })],
    allow: RUNS,
  }),
  action("requirementCommandAction", "(portal)/shaping/[stageId]/specification/actions.ts", {
    page: (w) => `/shaping/${w.finishedShaping.stage}/specification`,
    args: (w) => [w.finishedShaping.stage, state, form({ requirementId: w.finishedShaping.requirement, command: "down" })],
    allow: RUNS,
  }),
  action("overrideGateAction", "(portal)/shaping/[stageId]/specification/actions.ts", {
    page: (w) => `/shaping/${w.finishedShaping.stage}/specification`,
    args: (w) => [
      w.finishedShaping.stage,
      state,
      form({ contentHash: "0".repeat(64), reason: "The matrix gives a reason that is long enough." }),
    ],
    allow: RUNS,
  }),
  action("reviewSpecificationAction", "(portal)/shaping/[stageId]/agree/actions.ts", {
    page: (w) => `/shaping/${w.finishedShaping.stage}/agree`,
    args: (w) => [w.finishedShaping.stage, state, form({ contentHash: "0".repeat(64), decision: "AGREE" })],
    allow: TECH,
  }),
  action("signOutAction", "(portal)/actions.ts", {
    page: () => "/words",
    args: () => [],
    // Signing out without a session is harmless: it ends nothing and lands on the sign-in page.
    allow: every,
    last: true,
  }),
];
