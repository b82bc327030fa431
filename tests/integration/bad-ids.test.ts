// A malformed id never reaches PostgreSQL's uuid cast: every use case and
// query parses ids with one schema (src/server/ids.ts), so "36 dashes", a
// path or a unicode string is a NotFound (404) or a field error, never a 500.
import { describe, expect, it } from "vitest";
import { getAwardForCommissioner, getAwardSignOff, getOutcomeLetter, getPanelOutcome } from "@/server/awards/queries";
import { decideAward } from "@/server/awards/decide-award";
import { uploadAttachment } from "@/server/bids/attachments";
import { downloadAttachment, getMyBid } from "@/server/bids/queries";
import { revealAsker } from "@/server/clarifications/queries";
import { answerQuestion } from "@/server/clarifications/answer-question";
import { startRetender } from "@/server/contracts/start-retender";
import { getContract } from "@/server/contracts/queries";
import { DomainError } from "@/server/errors";
import { declareConflicts } from "@/server/evaluation/declare-conflicts";
import { startModeration } from "@/server/evaluation/moderation";
import { getPanelWorkspace } from "@/server/evaluation/queries";
import { getAgreement } from "@/server/agreements/queries";
import { markPaid } from "@/server/technicians/mark-paid";
import { reviewTimeEntry } from "@/server/technicians/review-time-entry";
import { openBids } from "@/server/tenders/open-bids";
import { getTenderForCommissioner } from "@/server/tenders/queries";
import { getTenderAuditTrail } from "@/server/audit-trail/queries";
import { askForClarification, answerClarification } from "@/server/representations/clarification";
import { makeRepresentation } from "@/server/representations/make-representation";
import { downloadRepresentationAttachment, getMyRepresentation, listRepresentations } from "@/server/representations/queries";
import { createActor } from "../fixtures/factories";
import { FILES } from "../fixtures/tender-builders";

const BAD_IDS = ["-".repeat(36), "ffffffff-ffff-ffff-ffff-fffffffffff-", "../../etc/passwd", "é".repeat(36), "", "0".repeat(10_000)];
const NOW = new Date("2026-12-01T10:00:00Z");

describe("malformed ids", () => {
  it("are a 4xx domain error for every use case and query, never a database error", async () => {
    const commissioner = await createActor("COMMISSIONER");
    const governor = await createActor("GOVERNOR");
    const provider = await createActor("PROVIDER");
    const technician = await createActor("TECHNICIAN");
    for (const id of BAD_IDS) {
      const calls: [string, () => Promise<unknown>][] = [
        ["openBids", () => openBids(commissioner, id, NOW)],
        ["getTenderForCommissioner", () => getTenderForCommissioner(commissioner, id, NOW)],
        ["getAwardForCommissioner", () => getAwardForCommissioner(commissioner, id)],
        ["getAwardSignOff", () => getAwardSignOff(governor, id)],
        ["getOutcomeLetter", () => getOutcomeLetter(provider, id)],
        ["getPanelOutcome", () => getPanelOutcome(technician, id)],
        [
          "decideAward",
          () => decideAward(governor, id, { decision: "APPROVED", typedName: governor.name, comment: "", contentHash: "x" }, NOW),
        ],
        ["uploadAttachment", () => uploadAttachment(provider, id, { filename: "a.pdf", bytes: FILES.pdf }, NOW)],
        ["downloadAttachment", () => downloadAttachment(provider, id, NOW)],
        ["revealAsker", () => revealAsker(commissioner, id)],
        ["answerQuestion", () => answerQuestion(commissioner, id, id, { answer: "Yes" }, NOW)],
        ["startRetender", () => startRetender(commissioner, id, NOW)],
        ["getContract", () => getContract(commissioner, id, NOW)],
        ["declareConflicts", () => declareConflicts(technician, id, [], NOW)],
        ["startModeration", () => startModeration(commissioner, id, NOW)],
        ["getPanelWorkspace", () => getPanelWorkspace(technician, id, NOW)],
        ["getAgreement", () => getAgreement(commissioner, id)],
        ["markPaid", () => markPaid(commissioner, [id], NOW)],
        ["reviewTimeEntry", () => reviewTimeEntry(commissioner, id, { decision: "approve" }, NOW)],
        ["getTenderAuditTrail", () => getTenderAuditTrail(governor, id, {})],
        ["askForClarification", () => askForClarification(commissioner, id, { question: "Which price?" }, NOW)],
        ["answerClarification", () => answerClarification(provider, id, { answer: "This one." }, NOW)],
        ["makeRepresentation", () => makeRepresentation(provider, id, { text: "The price was scored wrongly.", files: [] }, NOW)],
        ["getMyRepresentation", () => getMyRepresentation(provider, id, NOW)],
        ["listRepresentations", () => listRepresentations(commissioner, id)],
        ["downloadRepresentationAttachment", () => downloadRepresentationAttachment(commissioner, id)],
      ];
      for (const [name, call] of calls) {
        const outcome = await call().then(
          () => "ok",
          (e: unknown) => (e instanceof DomainError && e.status < 500 ? "4xx" : `500: ${String(e).slice(0, 200)}`),
        );
        expect([name, id.slice(0, 40), outcome.startsWith("500") ? outcome : "handled"]).toEqual([name, id.slice(0, 40), "handled"]);
      }
      expect(await getMyBid(provider, id)).toBeNull();
    }
  });
});
