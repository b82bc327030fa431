// Every notice's words live in src/server/notifications/templates.ts. Each template renders from its facts: a title,
// a body, a link inside the portal and the kind of email; no "undefined" or "[object Object]" leaks into the words.
import { describe, expect, it } from "vitest";
import { NOTICE_TEMPLATES, renderNotice, type NoticeParams, type NoticeTemplate } from "@/server/notifications/templates";

const tender = { id: "7d0b1c1e-0000-4000-8000-000000000001", title: "Health services for young people", reference: "NHSE-LDN-2026-021" };
const agreement = { id: "7d0b1c1e-0000-4000-8000-000000000002", title: "Feltham 2027" };
const decisionId = "7d0b1c1e-0000-4000-8000-000000000003";

// One example of each template's facts: a new template does not compile until it has one here.
const EXAMPLES: { [T in NoticeTemplate]: NoticeParams<T> } = {
  tenderCancelled: { tender, reason: "The service is no longer needed." },
  panelInvitation: { tender, invitedBy: "Sam Patel", asYoungCommissioner: true },
  clarificationAnswered: { tender },
  moderationStarted: { tender },
  awardSignOffRequest: { tender, decisionId, provider: "Brightside Health", establishment: "HMYOI Feltham" },
  outcomeLetter: { tender, decisionId, standstill: "Standstill ends at midnight on 18 December.", successful: false },
  awardApproved: { tender, standstill: "Standstill ends at midnight on 18 December." },
  awardChangesRequested: { tender, comment: "Please check the price scores." },
  awardRejected: { tender, comment: "The justification is too thin." },
  standstillCorrectedForBidders: { tender, decisionId, standstill: "Standstill ends at midnight on 19 December." },
  standstillCorrectedForCommissioners: { tender, standstill: "Standstill ends at midnight on 19 December." },
  contractAwarded: { tender, decisionId, provider: "Brightside Health", from: "1 April 2027", to: "31 March 2030" },
  youSaidWeDid: { tender },
  representationToCommissioners: { tender, provider: "Riverside Care" },
  representationToGovernors: { tender, decisionId, provider: "Riverside Care" },
  representationReceived: { tender, decisionId },
  representationClarificationRequested: { tender, decisionId, question: "Which score do you mean?" },
  representationClarified: { tender, provider: "Riverside Care" },
  representationsContinueForBidders: {
    tender,
    decisionId,
    provider: "Brightside Health",
    reasons: "The scores stand.",
    until: "Friday 18 December 2026",
  },
  representationsContinueForGovernors: {
    tender,
    decisionId,
    provider: "Brightside Health",
    reasons: "The scores stand.",
    until: "Friday 18 December 2026",
  },
  representationsReopenForBidders: { tender, decisionId },
  representationsReopenForGovernors: { tender, decisionId, reasons: "A score was wrong." },
  representationsReopenForPanel: { tender },
  representationsAbandonForGovernors: { tender, decisionId, reasons: "The need has changed." },
  agreementSignatureRequest: { agreement, version: 2 },
  agreementGovernorDecision: { agreement, version: 2, decision: "CHANGES_REQUESTED", comment: "Add dental care." },
  timeApproved: { what: "2 hours of Scoring bids on 1 December", amount: "£30.00" },
  timeReturned: { what: "2 hours of Scoring bids on 1 December", note: "It was 1 hour." },
  accountClosureRequested: { person: "Jo", closuresPath: "/account/closures" },
  shapingInvitation: { tender, invitedBy: "Sam Patel", asYoungCommissioner: false, facilitator: true },
  shapingGatheringOpen: { tender, stageId: decisionId },
  commitmentsToSign: { contract: { title: "Health services" }, version: 2, href: "/contracts/c/commitments", commissionerSigned: true },
  commitmentsProviderSigned: { contract: { title: "Health services" }, version: 2, href: "/contracts/c/commitments", inForce: true },
  contractReturnReminder: {
    contract: { title: "Health services" },
    period: 3,
    due: "Friday 18 December 2026",
    href: "/contracts/c/periods/3",
  },
  contractReturnSent: { contract: { title: "Health services" }, period: 3, version: 1, correction: null, href: "/contracts/c/periods/3" },
  contractReviewCosign: { contract: { title: "Health services" }, period: 3, href: "/contracts/c/periods/3" },
  contractReviewGovernorDecision: {
    contract: { title: "Health services" },
    period: 3,
    href: "/contracts/c/periods/3",
    signed: false,
    comment: "Add the waiting times.",
  },
  contractReviewSigned: { contract: { title: "Health services" }, period: 3, href: "/contracts/c/periods/3" },
  contractActionAnswered: {
    contract: { title: "Health services" },
    period: 3,
    action: "Publish the waiting times",
    href: "/contracts/c/periods/3",
  },
};

describe("notice templates", () => {
  it("every template renders its facts into a title, a body, a portal link and a kind of email", () => {
    expect(NOTICE_TEMPLATES.length).toBe(Object.keys(EXAMPLES).length);
    for (const template of NOTICE_TEMPLATES) {
      const notice = renderNotice(template, EXAMPLES[template] as never);
      expect(notice.title, template).not.toBe("");
      expect(notice.body.length, template).toBeGreaterThan(20);
      expect(notice.href, template).toMatch(/^\/[a-z]/);
      expect(notice.kind, template).toMatch(/^[a-z]+(-[a-z]+)*$/);
      for (const words of [notice.title, notice.body, notice.href]) expect(words, template).not.toMatch(/undefined|null|\[object/);
    }
  });

  it("says what each fact is for: the governor's words, the pay, the link to the record", () => {
    expect(renderNotice("agreementGovernorDecision", EXAMPLES.agreementGovernorDecision)).toEqual({
      kind: "agreement-governor-decision",
      title: "Governor asked for changes to: Feltham 2027",
      body: 'The governor asked for changes to version 2. They said: "Add dental care."',
      href: `/agreements/${agreement.id}`,
    });
    expect(renderNotice("agreementGovernorDecision", { agreement, version: 3, decision: "APPROVED", comment: null }).title).toBe(
      "Governor signed: Feltham 2027",
    );
    expect(renderNotice("timeApproved", EXAMPLES.timeApproved).body).toContain("You will be paid £30.00.");
    expect(renderNotice("outcomeLetter", { ...EXAMPLES.outcomeLetter, successful: true }).body).toContain(
      "we intend to award the contract to you",
    );
    expect(renderNotice("tenderCancelled", EXAMPLES.tenderCancelled).body).toContain("NHSE-LDN-2026-021");
  });
});
