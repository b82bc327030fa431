// Plain words for audit actions and kinds. An action is "<kind>.<what>"; the
// kind is what the page filters by.

const KINDS: Record<string, string> = {
  tender: "Tender",
  criterion: "Criteria",
  criteria: "Criteria",
  panel: "Panel",
  clarification: "Clarification questions",
  bid: "Bids",
  evaluation: "Evaluation",
  moderation: "Moderation",
  award: "Award and sign-off",
  representation: "Representations",
  time_entry: "Paid time",
  time_claims: "Paid time",
  agreement: "Agreements",
  invitation: "Invitations",
  technician: "Young commissioners' consent",
  user: "Sign-ins and accounts",
  password_reset: "Password resets",
  account: "Own data and closing accounts",
  audit: "Audit trail",
  demo: "Demo data",
  shaping: "Shaping the service",
  organisation: "Organisations",
  commitments: "Contract commitments",
  contract_return: "Contract returns",
  contract_review: "Contract reviews",
  contract_action: "Contract review actions",
  one_time_codes: "One-time codes",
};

export function kindOf(action: string): string {
  return action.split(".")[0] ?? action;
}

export function kindLabel(kind: string): string {
  return KINDS[kind] ?? kind.replace(/_/g, " ");
}

/**
 * Every action the code writes, with its words: `audit()` takes only these (AuditAction), so a new action does not
 * compile until it has a label here.
 */
const ACTIONS = {
  "tender.created": "Tender created",
  "tender.updated": "Tender details changed",
  "tender.published": "Tender published",
  "tender.bids_opened": "Bids opened",
  "tender.moderation_started": "Moderation started",
  "tender.cancelled": "Tender cancelled",
  "tender.retender_started": "Re-tender started",
  "criterion.added": "Criterion added",
  "criterion.updated": "Criterion changed",
  "criterion.removed": "Criterion removed",
  "criterion.moved": "Criteria reordered",
  "criteria.template_applied": "PSR key criteria added",
  "panel.member_invited": "Panel member invited",
  "panel.member_removed": "Panel member removed",
  "panel.invitation_accepted": "Panel invitation accepted",
  "panel.invitation_declined": "Panel invitation declined",
  "panel.stepped_back": "Stepped back from the panel",
  "clarification.asked": "Clarification question asked",
  "clarification.answered": "Clarification answer published",
  "clarification.asker_viewed": "Who asked a question was looked up",
  "bid.draft_saved": "Bid draft saved",
  "bid.submitted": "Bid submitted",
  "bid.resubmitted": "Bid revised and resubmitted",
  "bid.withdrawn": "Bid withdrawn",
  "bid.attachment_added": "Bid attachment added",
  "bid.attachment_removed": "Bid attachment removed",
  "evaluation.conflict_declared": "Conflict of interest declared",
  "evaluation.no_conflict_declared": "No conflict of interest declared",
  "evaluation.scores_submitted": "Scores submitted",
  "evaluation.member_marked_absent": "Panel member marked absent",
  "evaluation.member_absence_cleared": "Panel member no longer marked absent",
  "moderation.score_revised": "Score revised in moderation",
  "moderation.ranking_frozen": "Ranking frozen",
  "award.recommended": "Award recommended",
  "award.signoff_approved": "Governor approved the award",
  "award.signoff_changes_requested": "Governor asked for changes",
  "award.signoff_rejected": "Governor rejected the award",
  "award.confirmed": "Award confirmed, contract created",
  "award.standstill_corrected": "Standstill end corrected",
  "representation.submitted": "Representation made during standstill",
  "representation.clarification_requested": "Provider asked to clarify its representation",
  "representation.clarification_answered": "Provider clarified its representation",
  "representation.decided_continue": "Further decision: the award continues",
  "representation.decided_back_to_moderation": "Further decision: back to moderation",
  "representation.decided_abandon": "Further decision: the process is abandoned",
  "time_entry.logged": "Paid time logged",
  "time_entry.edited": "Paid time changed",
  "time_entry.deleted": "Paid time deleted",
  "time_entry.approved": "Paid time approved",
  "time_entry.returned": "Paid time sent back",
  "time_entry.paid": "Paid time marked as paid",
  "time_claims.exported": "Payroll CSV downloaded",
  "user.signed_in": "Signed in",
  "user.signed_out": "Signed out",
  "password_reset.requested": "Link to reset the password emailed",
  "password_reset.completed": "Password reset with an emailed link",
  "user.password_changed": "Password changed",
  "user.name_changed": "Name changed",
  "user.session_ended": "Signed out on another device",
  "user.other_sessions_ended": "Signed out on every other device",
  "account.data_downloaded": "Own data downloaded",
  "account.closure_requested": "Asked for the account to be closed",
  "account.closure_withdrawn": "No longer asks for the account to be closed",
  "account.closed": "Account closed: personal details removed",
  "audit.exported": "Audit trail downloaded as CSV",
  "audit.fingerprints_recorded": "Fingerprints of earlier representations' messages and clarification questions recorded",
  "demo.seeded": "Demo data created",
  "agreement.created": "Agreement created (version 1)",
  "agreement.version_saved": "New agreement version saved",
  "agreement.commissioner_approved": "Commissioner signed the agreement",
  "agreement.governor_approved": "Governor signed the agreement",
  "agreement.governor_changes_requested": "Governor asked for changes to the agreement",
  "agreement.governor_rejected": "Governor rejected the agreement",
  "invitation.created": "Invitation sent",
  "invitation.accepted": "Invitation accepted, account created",
  "technician.consent_given": "Young commissioner agreed to take part",
  "technician.consent_withdrawn": "Young commissioner withdrew their agreement",
  "one_time_codes.issued": "One-time codes printed",
  "one_time_codes.revoked": "Unused one-time codes cancelled",
  "shaping.gate_overridden": "Tender published without the young commissioners' agreement (reason recorded)",
  "shaping.quote_chosen": "Quote chosen for the notice",
  "shaping.quote_unchosen": "Quote taken out of the notice",
  "shaping.requirement_added": "Service requirement added",
  "shaping.requirement_updated": "Service requirement changed",
  "shaping.requirement_removed": "Service requirement removed",
  "shaping.requirement_moved": "Service requirements reordered",
  "shaping.specification_agreed": "Young commissioner agreed to the draft specification",
  "shaping.specification_changes_asked": "Young commissioner asked for changes to the draft specification",
  "shaping.view_themes_set": "View grouped into themes",
  "shaping.ranked": "Themes ranked",
  "shaping.ranking_changed": "Theme ranking changed",
  "shaping.theme_added": "Theme added",
  "shaping.theme_updated": "Theme changed",
  "shaping.theme_removed": "Theme removed",
  "shaping.theme_moved": "Themes reordered",
  "organisation.created": "Organisation added",
  "organisation.updated": "Organisation changed",
  "commitments.version_saved": "New version of the contract's commitments saved",
  "commitments.commissioner_signed": "Commissioner signed the commitments",
  "commitments.provider_signed": "Provider signed the commitments",
  "contract_return.submitted": "Provider sent a return",
  "contract_return.corrected": "Provider corrected a return after its review was signed",
  "contract_return.reminder_sent": "Reminder of a return due sent",
  "contract_review.written": "Review of a return written",
  "contract_review.changed": "Review of a return changed",
  "contract_review.commissioner_approved": "Commissioner signed the review",
  "contract_review.governor_approved": "Governor co-signed the review",
  "contract_review.governor_changes_requested": "Governor asked for changes to the review",
  "contract_action.answered": "Provider answered a review action",
  "shaping.stage_opened": "Shaping stage opened",
  "shaping.gathering_opened": "Gathering views opened",
  "shaping.gathering_closed": "Gathering views closed, ranking opened",
  "shaping.ranking_closed": "Ranking closed: the shaping stage is closed",
  "shaping.member_invited": "Invited to help shape the service",
  "shaping.invitation_accepted": "Invitation to help shape the service accepted",
  "shaping.invitation_declined": "Invitation to help shape the service declined",
  "shaping.member_stepped_back": "Stepped back from shaping the service",
  "shaping.question_added": "Shaping question added",
  "shaping.question_changed": "Shaping question changed",
  "shaping.question_moved": "Shaping questions reordered",
  "shaping.question_removed": "Shaping question removed",
  "shaping.answer_given": "Views given",
  "shaping.answer_changed": "Views changed",
  "shaping.answer_deleted": "Views deleted",
  "shaping.session_recorded": "Focus group recorded",
  "shaping.views_sent_with_code": "Views sent with a one-time code",
  "shaping.view_checked": "View checked before anyone else reads it",
  "shaping.quote_withdrawn": "Quote withdrawn from the notice",
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof ACTIONS;

const isAuditAction = (action: string): action is AuditAction => action in ACTIONS;

/** Every action the code writes (the tests check each has its kind's words). */
export const AUDIT_ACTIONS = Object.keys(ACTIONS).filter(isAuditAction);

/** Whether a kind has words of its own (every kind of an AuditAction must). */
export const hasKindLabel = (kind: string) => kind in KINDS;

/**
 * The words for a stored action. Every action the code writes has its own (AuditAction); one the code no longer
 * writes (an older event) is shown as it was stored, marked so, rather than dressed up as if it had words.
 */
export function actionLabel(action: string): string {
  if (isAuditAction(action)) return ACTIONS[action];
  return `${kindLabel(kindOf(action))}: ${action} (an action this version of the portal no longer records)`;
}
