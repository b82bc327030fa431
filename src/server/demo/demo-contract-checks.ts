// The demo's contract checks (issue 25), written through the real use cases
// with the clock set back. The Cookham Wood contract (ending within 6 months)
// has its commitments signed and a return and a signed review for every
// quarter that has passed, except the latest: its return is still to come
// (late, or due), so a provider can send it. The Feltham physiotherapy
// contract, which starts next month, has its commitments signed by both sides.
import { addDays, meetsTarget, type MeasureRating } from "@/domain/contract-checks";
import { utcDateKey } from "@/domain/london-time";
import type { Actor } from "@/server/auth/actor";
import { loadActor } from "@/server/auth/load-actor";
import { answerAction } from "@/server/contract-checks/answer-action";
import type { MeasureRowInput } from "@/server/contract-checks/commitment-input";
import { commitmentsInForce } from "@/server/contract-checks/in-force";
import { saveCommitments } from "@/server/contract-checks/save-commitments";
import { saveReview } from "@/server/contract-checks/save-review";
import { signCommitments } from "@/server/contract-checks/sign-commitments";
import { signReview } from "@/server/contract-checks/sign-review";
import { submitReturn } from "@/server/contract-checks/submit-return";
import { db } from "@/server/db";

const COOKHAM_MEASURES: MeasureRowInput[] = [
  { name: "Health screening within 2 hours of arrival", target: "95", unit: "PERCENT", direction: "AT_LEAST" },
  { name: "Seen by a GP within 48 hours of asking", target: "90", unit: "PERCENT", direction: "AT_LEAST" },
  { name: "Days to wait for a routine nurse appointment", target: "5", unit: "DAYS", direction: "AT_MOST" },
  { name: "Young people who say staff listened to them", target: "80", unit: "PERCENT", direction: "AT_LEAST" },
  { name: "Infection control audit passed", target: "yes", unit: "YES_NO", direction: "AT_LEAST", frequency: "YEARLY" },
];

const FELTHAM_PHYSIO_MEASURES: MeasureRowInput[] = [
  { name: "First physiotherapy assessment within 5 days of referral", target: "90", unit: "PERCENT", direction: "AT_LEAST" },
  { name: "Young people in weekly physical activity sessions", target: "40", unit: "COUNT", direction: "AT_LEAST" },
  { name: "Days waiting for an injury review", target: "3", unit: "DAYS", direction: "AT_MOST" },
  { name: "Young people who say the sessions helped them", target: "75", unit: "PERCENT", direction: "AT_LEAST" },
];

/** Each quarter's values, in measure order (the yearly audit is asked only in March). */
const COOKHAM_VALUES: number[][] = [
  [96, 92, 4, 78, 1],
  [97, 88, 6, 81, 1],
  [95, 91, 5, 83, 1],
  [98, 93, 4, 85, 1],
  [94, 90, 7, 80, 1],
  [96, 92, 5, 84, 1],
  [97, 94, 4, 86, 1],
  [99, 95, 3, 88, 1],
  [96, 91, 4, 82, 1],
  [97, 93, 5, 79, 1],
  [98, 92, 4, 84, 1],
];

/** A small, real PDF sent with the first return. */
const REPORT_PDF = new TextEncoder().encode(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

const at = (dateKey: string, hour = 10) => new Date(`${dateKey}T${String(hour).padStart(2, "0")}:00:00Z`);

async function actor(email: string): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  return (await loadActor(user.id))!;
}

async function signBoth(contractId: string, commissioner: Actor, provider: Actor, when: Date) {
  const latest = await db.commitmentVersion.findFirstOrThrow({ where: { contractId }, orderBy: { version: "desc" } });
  for (const signer of [commissioner, provider]) {
    await signCommitments(
      signer,
      contractId,
      { decision: "APPROVED", typedName: signer.name, comment: "", contentHash: latest.contentHash, version: latest.version },
      when,
    );
  }
}

/** Met, partly met (within 10% of the target) or not met, with the commissioner's reason. */
function rate(
  m: { unit: "PERCENT" | "COUNT" | "DAYS" | "HOURS" | "YES_NO"; direction: "AT_LEAST" | "AT_MOST"; target: number },
  value: number,
) {
  if (meetsTarget(m, value)) return { rating: "MET" as MeasureRating, comment: "" };
  const close = m.unit !== "YES_NO" && Math.abs(value - m.target) <= m.target * 0.1 + 1e-9;
  return close
    ? { rating: "PARTLY_MET" as MeasureRating, comment: "Close to the target but short of it; the provider explained why in the return." }
    : { rating: "NOT_MET" as MeasureRating, comment: "Well short of the target this quarter." };
}

export async function seedContractChecks(now: Date): Promise<void> {
  const commissioner = await actor("commissioner@demo.test");
  await seedCookham(now, commissioner);
  await seedFelthamPhysio(now, commissioner);
}

async function contractOf(reference: string) {
  return db.contract.findFirst({
    where: { tender: { reference } },
    select: { id: true, startDate: true, endDate: true, createdAt: true, _count: { select: { commitmentVersions: true } } },
  });
}

async function seedFelthamPhysio(now: Date, commissioner: Actor) {
  const contract = await contractOf("NHSE-LDN-2026-002");
  if (!contract || contract._count.commitmentVersions > 0) return;
  const provider = await actor("provider3@demo.test"); // Harbour Youth Health Alliance won it
  const when = new Date(Math.min(contract.createdAt.getTime() + 2 * 86_400_000, now.getTime() - 3_600_000));
  await saveCommitments(commissioner, contract.id, { basedOnVersion: 0, measures: FELTHAM_PHYSIO_MEASURES }, when);
  await signBoth(contract.id, commissioner, provider, when);
}

async function seedCookham(now: Date, commissioner: Actor) {
  const contract = await contractOf("NHSE-LDN-2023-031");
  if (!contract || contract._count.commitmentVersions > 0) return;
  const provider = await actor("provider1@demo.test"); // Thameside Health Partnership CIC won it
  const governor = await actor("governor2@demo.test");
  const start = utcDateKey(contract.startDate);
  await saveCommitments(commissioner, contract.id, { basedOnVersion: 0, measures: COOKHAM_MEASURES }, at(start, 9));
  await signBoth(contract.id, commissioner, provider, at(start, 11));
  const measures = (await db.$transaction((tx) => commitmentsInForce(tx, contract.id)))!.measures;

  const today = utcDateKey(now);
  const periods = await db.contractPeriod.findMany({ where: { contractId: contract.id }, orderBy: { number: "asc" } });
  // Every quarter whose review would be finished by now, but the latest one that has ended: its return is still to come.
  const ended = periods.filter((p) => utcDateKey(p.endDate) < today);
  const reviewed = ended.slice(0, -1).filter((p) => addDays(utcDateKey(p.dueDate), 16) < today);
  for (const [i, p] of reviewed.entries()) {
    const due = utcDateKey(p.dueDate);
    const values = COOKHAM_VALUES[i % COOKHAM_VALUES.length]!;
    const byMeasure = new Map(measures.map((m, j) => [m.id, values[j]!]));
    // One return in the demo came in three days late.
    const sentOn = i === 2 ? addDays(due, 3) : addDays(due, -6);
    await submitReturn(
      provider,
      contract.id,
      p.number,
      {
        values: Object.fromEntries(
          measures.map((m) => [m.id, m.unit === "YES_NO" ? (byMeasure.get(m.id) === 1 ? "yes" : "no") : String(byMeasure.get(m.id))]),
        ),
        narrative: `Quarter ${p.number}: the team was fully staffed for most of the quarter. ${values[2]! > 5 ? "Two nurses were off sick in the middle month, so routine appointments waited longer." : "Routine appointments were offered within the week."}`,
        files: i === 0 ? [{ filename: "Quarterly service report.pdf", bytes: REPORT_PDF }] : [],
      },
      at(sentOn),
    );
    const sent = await db.contractReturn.findFirstOrThrow({
      where: { periodId: p.id },
      include: { values: { include: { measure: true } } },
    });
    const ratings = Object.fromEntries(sent.values.map((v) => [v.measureId, rate(v.measure, v.value)]));
    const missed = sent.values.filter((v) => ratings[v.measureId]!.rating !== "MET");
    const reviewOn = addDays(sentOn, 7);
    const actionDue = addDays(utcDateKey(p.dueDate), 60);
    const { contentHash } = await saveReview(
      commissioner,
      contract.id,
      p.number,
      {
        basedOnHash: "",
        summary:
          missed.length === 0
            ? "Every commitment was met this quarter. Thank you to the team."
            : `Most commitments were met. ${missed.map((v) => v.measure.name).join(" and ")} fell short: an action is agreed.`,
        ratings,
        actions: missed.map((v) => ({
          description: `Bring "${v.measure.name}" back to target, and report what changed in the next return.`,
          owner: "Thameside service manager",
          dueDate: actionDue > utcDateKey(contract.endDate) ? utcDateKey(contract.endDate) : actionDue,
        })),
      },
      at(reviewOn),
    );
    await signReview(
      commissioner,
      contract.id,
      p.number,
      { decision: "APPROVED", typedName: commissioner.name, comment: "", contentHash },
      at(reviewOn, 12),
    );
    await signReview(
      governor,
      contract.id,
      p.number,
      { decision: "APPROVED", typedName: governor.name, comment: "", contentHash },
      at(addDays(reviewOn, 2)),
    );
    const actions = await db.contractAction.findMany({ where: { review: { periodId: p.id } } });
    for (const a of actions) {
      await answerAction(
        provider,
        contract.id,
        a.id,
        { body: "We have covered the gap with bank nurses and will report the result next quarter." },
        at(addDays(reviewOn, 5)),
      );
    }
  }
}
