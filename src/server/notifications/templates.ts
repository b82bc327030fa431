// What every notice says, in one place, keyed by a typed template (as Documenso
// keeps its email templates out of its use cases). A use case names the
// template and gives its facts; the words, the link and the kind of email
// (the outbox's `template` column) are here. `notifyUsers` renders them.

type Tender = { id: string; title: string };

interface Rendered {
  /** The kind of email in the outbox (Email.template); several notices may share one. */
  kind: string;
  title: string;
  body: string;
  href: string;
}

const TEMPLATES = {
  // Tenders and panels
  tenderCancelled: (p: { tender: Tender & { reference: string }; reason: string }) => ({
    kind: "tender-cancelled",
    title: `Tender cancelled: ${p.tender.title}`,
    body: `NHS England has cancelled the tender ${p.tender.reference}. The reason given: ${p.reason}`,
    href: "/opportunities",
  }),
  panelInvitation: (p: { tender: Tender; invitedBy: string; asYoungCommissioner: boolean }) => ({
    kind: "panel-invitation",
    title: `You are invited to the panel for ${p.tender.title}`,
    body: p.asYoungCommissioner
      ? `${p.invitedBy} would like you to help choose this service as a young commissioner. Your scores count the same as everyone else's, and you are paid for your time. Open My panels to say yes or no.`
      : `${p.invitedBy} has invited you to the evaluation panel. Open My panels to accept or decline.`,
    href: "/panels",
  }),
  clarificationAnswered: (p: { tender: Tender & { reference: string } }) => ({
    kind: "clarification-answered",
    title: `New clarification answer: ${p.tender.reference}`,
    body: `NHS England has published an answer to a clarification question on "${p.tender.title}". Every provider can read it on the tender page.`,
    href: `/opportunities/${p.tender.id}`,
  }),
  moderationStarted: (p: { tender: Tender }) => ({
    kind: "moderation-started",
    title: `Moderation has started: ${p.tender.title}`,
    body: "Everyone's scores can now be seen side by side. You can revise your own scores with a reason.",
    href: `/panels/${p.tender.id}/moderation`,
  }),
  // Awards
  awardSignOffRequest: (p: { tender: Tender; decisionId: string; provider: string; establishment: string }) => ({
    kind: "award-signoff-request",
    title: `Sign-off needed: ${p.tender.title}`,
    body: `The commissioner recommends awarding "${p.tender.title}" to ${p.provider}. As governor of ${p.establishment}, please read the two-minute summary and approve, ask for changes or reject.`,
    href: `/establishment/sign-offs/${p.decisionId}`,
  }),
  outcomeLetter: (p: { tender: Tender; decisionId: string; standstill: string; successful: boolean }) => ({
    kind: "outcome-letter",
    title: `Outcome of your bid: ${p.tender.title}`,
    body: p.successful
      ? `The evaluation is complete and your outcome letter is ready: we intend to award the contract to you. It shows your scores and what happens next. The contract is awarded after the standstill, once any representations from other bidders have been considered. ${p.standstill}`
      : `The evaluation is complete and your outcome letter is ready. It shows your scores, your rank and the standstill period during which you can make representations. ${p.standstill}`,
    href: `/letters/${p.decisionId}`,
  }),
  awardApproved: (p: { tender: Tender; standstill: string }) => ({
    kind: "award-approved",
    title: `Governor approved the award: ${p.tender.title}`,
    body: `Outcome letters have been sent to every bidder. ${p.standstill}`,
    href: `/tenders/${p.tender.id}/award`,
  }),
  awardChangesRequested: (p: { tender: Tender; comment: string | null }) => ({
    kind: "award-changes-requested",
    title: `Governor asked for changes: ${p.tender.title}`,
    body: `The tender is back in moderation. The governor said: "${p.comment}"`,
    href: `/panels/${p.tender.id}/moderation`,
  }),
  awardRejected: (p: { tender: Tender; comment: string | null }) => ({
    kind: "award-rejected",
    title: `Governor rejected the recommendation: ${p.tender.title}`,
    body: `The tender is back in moderation: the commissioner may re-run moderation and recommend again, or cancel. The governor said: "${p.comment}"`,
    href: `/tenders/${p.tender.id}/award`,
  }),
  standstillCorrectedForBidders: (p: { tender: Tender; decisionId: string; standstill: string }) => ({
    kind: "standstill-corrected",
    title: `Standstill corrected: ${p.tender.title}`,
    body: `The standstill was one working day shorter than the law allows, so we have corrected it. ${p.standstill} Your outcome letter is unchanged.`,
    href: `/letters/${p.decisionId}`,
  }),
  standstillCorrectedForCommissioners: (p: { tender: Tender; standstill: string }) => ({
    kind: "standstill-corrected",
    title: `Standstill corrected: ${p.tender.title}`,
    body: `The standstill was one working day short under PSR regulation 12 and has been corrected. ${p.standstill} You can confirm the award only after it ends.`,
    href: `/tenders/${p.tender.id}/award`,
  }),
  contractAwarded: (p: { tender: Tender; decisionId: string; provider: string; from: string; to: string }) => ({
    kind: "contract-awarded",
    title: `Contract awarded: ${p.tender.title}`,
    body: `Standstill has ended and the contract has been awarded to ${p.provider}. It runs from ${p.from} to ${p.to}. The commissioner will be in touch about mobilisation.`,
    href: `/letters/${p.decisionId}`,
  }),
  youSaidWeDid: (p: { tender: Tender }) => ({
    kind: "you-said-we-did",
    title: `What happened: ${p.tender.title}`,
    body: "The contract has been awarded. See how the panel's scores, yours included, shaped the result.",
    href: `/panels/${p.tender.id}/outcome`,
  }),
  // Representations during standstill
  representationToCommissioners: (p: { tender: Tender; provider: string }) => ({
    kind: "representation-submitted",
    title: `Representation about the award: ${p.tender.title}`,
    body: `${p.provider} has made a written representation during standstill. Read it on the award page. The award cannot be confirmed while it is open.`,
    href: `/tenders/${p.tender.id}/award#representations`,
  }),
  representationToGovernors: (p: { tender: Tender; decisionId: string; provider: string }) => ({
    kind: "representation-submitted",
    title: `Representation about the award: ${p.tender.title}`,
    body: `${p.provider} has made a written representation during standstill. You can read it and the commissioner's decision on it.`,
    href: `/establishment/sign-offs/${p.decisionId}#representations`,
  }),
  representationReceived: (p: { tender: Tender; decisionId: string }) => ({
    kind: "representation-received",
    title: `We have received your representation: ${p.tender.title}`,
    body: "The commissioner will consider it before the award is confirmed, and may ask you to clarify it.",
    href: `/letters/${p.decisionId}#representation`,
  }),
  representationClarificationRequested: (p: { tender: Tender; decisionId: string; question: string }) => ({
    kind: "representation-clarification-requested",
    title: `Please clarify your representation: ${p.tender.title}`,
    body: `The commissioner has asked you to explain or clarify your representation: "${p.question}" Answer on your outcome letter page.`,
    href: `/letters/${p.decisionId}#representation`,
  }),
  representationClarified: (p: { tender: Tender; provider: string }) => ({
    kind: "representation-clarified",
    title: `${p.provider} answered your question: ${p.tender.title}`,
    body: "The provider has answered your request to clarify its representation. Read it on the award page.",
    href: `/tenders/${p.tender.id}/award#representations`,
  }),
  representationsContinueForBidders: (p: { tender: Tender; decisionId: string; provider: string; reasons: string; until: string }) => ({
    kind: "representation-decided",
    title: `Decision on your representation: ${p.tender.title}`,
    body: continueBody(p),
    href: `/letters/${p.decisionId}#representation`,
  }),
  representationsContinueForGovernors: (p: { tender: Tender; decisionId: string; provider: string; reasons: string; until: string }) => ({
    kind: "representation-decided",
    title: `Decision on representations: ${p.tender.title}`,
    body: continueBody(p),
    href: `/establishment/sign-offs/${p.decisionId}#representations`,
  }),
  representationsReopenForBidders: (p: { tender: Tender; decisionId: string }) => ({
    kind: "representation-decided",
    title: `The award is being looked at again: ${p.tender.title}`,
    body: "The intended award has been withdrawn while the panel looks at the evaluation again. You will receive a new outcome letter.",
    href: `/letters/${p.decisionId}`,
  }),
  representationsReopenForGovernors: (p: { tender: Tender; decisionId: string; reasons: string }) => ({
    kind: "representation-decided",
    title: `Award back in moderation: ${p.tender.title}`,
    body: `After considering representations, the commissioner has sent the award back to moderation. The governor's sign-off no longer stands; the governor will be asked to sign a new recommendation. Reasons: ${p.reasons}`,
    href: `/establishment/sign-offs/${p.decisionId}#representations`,
  }),
  representationsReopenForPanel: (p: { tender: Tender }) => ({
    kind: "representation-decided",
    title: `Back to moderation: ${p.tender.title}`,
    body: "A bidder asked us to look at the decision again. The panel will look at the scores again in moderation.",
    href: `/panels/${p.tender.id}`,
  }),
  representationsAbandonForGovernors: (p: { tender: Tender; decisionId: string; reasons: string }) => ({
    kind: "representation-decided",
    title: `Tender abandoned after representations: ${p.tender.title}`,
    body: `The commissioner has cancelled the tender. Reasons: ${p.reasons}`,
    href: `/establishment/sign-offs/${p.decisionId}#representations`,
  }),
  // Co-commissioning agreements
  agreementSignatureRequest: (p: { agreement: { id: string; title: string }; version: number }) => ({
    kind: "agreement-signature-request",
    title: `Please sign: ${p.agreement.title} (version ${p.version})`,
    body: "The commissioner has signed this co-commissioning agreement. It comes into force when you sign the same version.",
    href: `/agreements/${p.agreement.id}`,
  }),
  agreementGovernorDecision: (p: {
    agreement: { id: string; title: string };
    version: number;
    decision: "APPROVED" | "CHANGES_REQUESTED" | "REJECTED";
    comment: string | null;
  }) => {
    const what =
      p.decision === "APPROVED" ? "signed — the agreement is in force" : p.decision === "REJECTED" ? "rejected" : "asked for changes to";
    return {
      kind: "agreement-governor-decision",
      title: `Governor ${p.decision === "APPROVED" ? "signed" : what}: ${p.agreement.title}`,
      body: `The governor ${what} version ${p.version}.${p.comment ? ` They said: "${p.comment}"` : ""}`,
      href: `/agreements/${p.agreement.id}`,
    };
  },
  // Shaping the service
  shapingInvitation: (p: { tender: { title: string }; invitedBy: string; asYoungCommissioner: boolean; facilitator: boolean }) => ({
    kind: "shaping-invitation",
    title: `You are invited to help shape ${p.tender.title}`,
    body: p.asYoungCommissioner
      ? `${p.invitedBy} would like you to help shape this service before it is bought: say what needs to change and what matters most. You are paid for your time. Open Shaping services to say yes or no.`
      : `${p.invitedBy} has invited you to help shape this service${p.facilitator ? " as a facilitator: you record focus groups and check answers" : ""}. Open Shaping services to accept or decline.`,
    href: "/shaping",
  }),
  shapingGatheringOpen: (p: { tender: { title: string }; stageId: string }) => ({
    kind: "shaping-gathering-open",
    title: `You can now give your views on ${p.tender.title}`,
    body: "The questions are ready. Answer them in the portal: your answers are saved as you go, and you can change them until gathering closes.",
    href: `/shaping/${p.stageId}/answer`,
  }),
  // Contract checks: commitments, returns and reviews
  commitmentsToSign: (p: { contract: { title: string }; version: number; href: string; commissionerSigned: boolean }) => ({
    kind: "commitments-to-sign",
    title: p.commissionerSigned
      ? `Please sign: commitments for ${p.contract.title} (version ${p.version})`
      : `Please read and sign: commitments for ${p.contract.title} (version ${p.version})`,
    body: p.commissionerSigned
      ? "The commissioner has signed the commitments. They come into force when you sign the same version."
      : "The commissioner has written the measures your service will report on. Read them and sign if you agree.",
    href: p.href,
  }),
  commitmentsProviderSigned: (p: { contract: { title: string }; version: number; href: string; inForce: boolean }) => ({
    kind: "commitments-provider-signed",
    title: `Provider signed: commitments for ${p.contract.title} (version ${p.version})`,
    body: p.inForce
      ? "The provider has signed. The commitments are in force."
      : "The provider has signed. They come into force when a commissioner signs the same version.",
    href: p.href,
  }),
  contractReturnReminder: (p: { contract: { title: string }; period: number; due: string; href: string }) => ({
    kind: "contract-return-reminder",
    title: `Return due by ${p.due}: ${p.contract.title}, period ${p.period}`,
    body: "Your return for this period is due soon. Send the value of each measure and a few sentences on how the service went.",
    href: p.href,
  }),
  contractReturnSent: (p: { contract: { title: string }; period: number; version: number; correction: string | null; href: string }) => ({
    kind: "contract-return-sent",
    title: `${p.correction ? "Correction" : p.version > 1 ? "New version of a return" : "Return sent"}: ${p.contract.title}, period ${p.period}`,
    body: p.correction
      ? `The provider corrected its return after the review was signed. They said: "${p.correction}"`
      : "The provider has sent its return. It is ready for your review.",
    href: p.href,
  }),
  contractReviewCosign: (p: { contract: { title: string }; period: number; href: string }) => ({
    kind: "contract-review-cosign",
    title: `Please co-sign: review of ${p.contract.title}, period ${p.period}`,
    body: "The commissioner has reviewed the provider's return and signed the review. Read it and co-sign it for your establishment.",
    href: p.href,
  }),
  contractReviewGovernorDecision: (p: {
    contract: { title: string };
    period: number;
    href: string;
    signed: boolean;
    comment: string | null;
  }) => ({
    kind: "contract-review-governor-decision",
    title: `${p.signed ? "Governor co-signed" : "Governor asked for changes to"}: review of ${p.contract.title}, period ${p.period}`,
    body: p.signed ? "The review is signed and the provider can read it." : `The governor said: "${p.comment ?? ""}"`,
    href: p.href,
  }),
  contractReviewSigned: (p: { contract: { title: string }; period: number; href: string }) => ({
    kind: "contract-review-signed",
    title: `Your review is ready: ${p.contract.title}, period ${p.period}`,
    body: "The commissioner and the governor have signed the review of your return. Read it and answer its actions.",
    href: p.href,
  }),
  contractActionAnswered: (p: { contract: { title: string }; period: number; action: string; href: string }) => ({
    kind: "contract-action-answered",
    title: `The provider answered an action: ${p.contract.title}, period ${p.period}`,
    body: `Action: ${p.action}`,
    href: p.href,
  }),
  // Paid time and accounts
  timeApproved: (p: { what: string; amount: string }) => ({
    kind: "time-approved",
    title: "Your time has been approved",
    body: `Your ${p.what} has been approved. You will be paid ${p.amount}.`,
    href: "/time",
  }),
  timeReturned: (p: { what: string; note: string }) => ({
    kind: "time-returned",
    title: "Please check the time you logged",
    body: `Your ${p.what} has been sent back to you. The commissioner said: “${p.note}” You can change it and send it again.`,
    href: "/time",
  }),
  accountClosureRequested: (p: { person: string; closuresPath: string }) => ({
    kind: "account-closure-requested",
    title: "A young commissioner asked for their account to be closed",
    body: `${p.person} asked for their account to be closed. Check their paid time is settled, then close it.`,
    href: p.closuresPath,
  }),
} satisfies Record<string, (params: never) => Rendered>;

function continueBody(p: { provider: string; reasons: string; until: string }): string {
  return `We have considered the representations and will continue with the award to ${p.provider}. Our reasons: ${p.reasons} The award will not be confirmed before midnight at the end of ${p.until} (5 working days after this notice).`;
}

export type NoticeTemplate = keyof typeof TEMPLATES;
type ParamsOf = { [T in NoticeTemplate]: Parameters<(typeof TEMPLATES)[T]>[0] };
export type NoticeParams<T extends NoticeTemplate> = ParamsOf[T];

// The same table seen as "each template renders its own facts", so a template and its facts stay correlated.
const RENDER: { [T in NoticeTemplate]: (params: ParamsOf[T]) => Rendered } = TEMPLATES;

/** The words, link and kind of email of a notice. */
export function renderNotice<T extends NoticeTemplate>(template: T, params: NoticeParams<T>): Rendered {
  return RENDER[template](params);
}

/** Every template's name (the tests render each). */
export const NOTICE_TEMPLATES = Object.keys(TEMPLATES).filter((k): k is NoticeTemplate => k in TEMPLATES);
