import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { recommendAwardSchema } from "@/server/awards/recommend-award";
import { stepBackSchema } from "@/server/evaluation/step-back";
import { cancelTenderSchema } from "@/server/tenders/cancel-tender";
import { giveConsentSchema, withdrawConsentSchema } from "@/server/technicians/consent";
import { acceptInvitationSchema } from "@/server/users/accept-invitation";
import { representationSchema } from "@/server/representations/make-representation";
import { answerClarificationSchema, askForClarificationSchema } from "@/server/representations/clarification";
import { bidInputSchema } from "@/server/bids/save-bid";
import { uploadAttachmentSchema } from "@/server/bids/attachments";
import { signInSchema } from "@/server/auth/sign-in";
import { publishTenderSchema } from "@/server/tenders/publish-tender";
import { fieldErrorsOf } from "@/server/validation";

// Each use case's input goes through one zod schema: a wrong type, a huge or a
// unicode value is a message by its field, the same one the form shows today.
function errorsOf(schema: z.ZodType, input: unknown) {
  const parsed = schema.safeParse(input);
  return parsed.success ? {} : fieldErrorsOf(parsed.error);
}

const BID = "0f8fad5b-d9cb-469f-a165-70867728950e";
const HUGE = "é".repeat(100_000);

describe("use case input schemas", () => {
  it("recommending an award: the bid id is a UUID, the note is required, texts are bounded", () => {
    const ok = { bidId: BID, justification: "", noteToYoungCommissioners: "Thank you all" };
    expect(errorsOf(recommendAwardSchema, ok)).toEqual({});
    expect(errorsOf(recommendAwardSchema, { ...ok, bidId: "../../etc/passwd" })).toEqual({ bidId: "Choose the bid you recommend" });
    expect(errorsOf(recommendAwardSchema, { ...ok, bidId: 42 })).toEqual({ bidId: "Choose the bid you recommend" });
    expect(errorsOf(recommendAwardSchema, { ...ok, noteToYoungCommissioners: "   " })).toEqual({
      noteToYoungCommissioners: "Write a short note to the young commissioners about the outcome",
    });
    expect(errorsOf(recommendAwardSchema, { ...ok, justification: HUGE })).toEqual({ justification: "Must be 5,000 characters or fewer" });
  });

  it("stepping back, publishing and cancelling a tender", () => {
    expect(errorsOf(stepBackSchema, { keepSubmittedScores: null })).toEqual({
      keepSubmittedScores: "Choose what happens to the scores you have already sent",
    });
    expect(errorsOf(publishTenderSchema, {})).toEqual({});
    expect(errorsOf(publishTenderSchema, { version: "3" })).toEqual({ version: "Reload the page and try again" });
    expect(errorsOf(cancelTenderSchema, { reason: ["x"] })).toEqual({ reason: "Enter the reason for cancelling" });
    expect(errorsOf(cancelTenderSchema, { reason: "  short " })).toEqual({ reason: "Reason must be at least 10 characters" });
    expect(errorsOf(cancelTenderSchema, { reason: HUGE })).toEqual({ reason: "Reason must be 2,000 characters or fewer" });
  });

  it("consent: the name counts characters, not UTF-16 units, and control characters are refused", () => {
    const ok = { textVersion: "v1", confirm: true };
    expect(errorsOf(giveConsentSchema, { ...ok, chosenName: "😀".repeat(60) })).toEqual({});
    expect(errorsOf(giveConsentSchema, { ...ok, chosenName: "😀".repeat(61) })).toEqual({
      chosenName: "Your name must be 60 characters or fewer",
    });
    expect(errorsOf(giveConsentSchema, { ...ok, chosenName: "Sam\u0000" })).toEqual({
      chosenName: "Your name can only have letters, numbers, spaces and punctuation",
    });
    expect(errorsOf(giveConsentSchema, { ...ok, confirm: "yes", under18: 1, phone: "call me" })).toEqual({
      confirm: "Tick the box to say you understand and want to take part",
      phone: "Enter a phone number using only numbers, spaces and +, like 07700 900123",
      under18: "Choose yes or no, or leave both empty",
    });
    expect(errorsOf(withdrawConsentSchema, { confirm: false })).toEqual({ confirm: "Tick the box to say you want to withdraw" });
  });

  it("invitations, sign-in and clarifications", () => {
    expect(errorsOf(acceptInvitationSchema, { token: "t", name: "x".repeat(121), password: {}, confirmPassword: "a" })).toEqual({
      name: "Name must be 120 characters or fewer",
      password: "Enter a password",
    });
    expect(errorsOf(signInSchema, { email: 7, password: HUGE })).toEqual({
      email: "Enter your email address",
      password: "Enter a correct email address and password",
    });
    expect(errorsOf(askForClarificationSchema, { question: HUGE })).toEqual({ question: "Must be 5,000 characters or fewer" });
    expect(errorsOf(answerClarificationSchema, {})).toEqual({ answer: "Write your answer" });
  });

  it("bids, attachments and representations", () => {
    expect(errorsOf(bidInputSchema, { responses: { [BID]: 5 } })).toEqual({ [`responses.${BID}`]: "Write your answer as text" });
    expect(errorsOf(uploadAttachmentSchema, { filename: "a.pdf", bytes: new Uint8Array(1), criterionId: "not-an-id" })).toEqual({
      criterionId: "Choose a criterion from the list",
    });
    expect(errorsOf(uploadAttachmentSchema, { filename: "a.pdf", bytes: new Uint8Array(1), criterionId: "" })).toEqual({});
    expect(errorsOf(representationSchema, { text: "too short", files: "x" })).toEqual({
      text: "Say what you think was wrong and why, in at least 20 characters",
      files: "Choose PDF, DOCX or XLSX files to attach",
    });
  });
});
