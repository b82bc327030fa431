// Run by tests/e2e/representations.spec.ts through tsx, against the e2e database:
// a tender of the spec's own in standstill (built like the demo's, by the real
// use cases: published, bid for, scored, recommended, approved yesterday by the
// Feltham governor), so the spec changes no data other specs read.
// Prints {"tenderId","awardDecisionId","title"} as JSON on its last line.
import { db } from "@/server/db";
import { now } from "@/server/clock";
import { seedStageTender, STAGE_TENDERS, type StageTender } from "@/server/demo/demo-stages";

async function main() {
  const suffix = process.argv[2] ?? String(Date.now());
  const standstill = STAGE_TENDERS.find((s) => s.stage === "STANDSTILL")!;
  const feltham = STAGE_TENDERS.find((s) => s.establishment === "FMI")!;
  const spec: StageTender = {
    ...standstill,
    reference: `E2E-REP-${suffix}`,
    title: `Feltham mental health in-reach service ${suffix}`,
    summary: "Mental health assessment and therapy on the wings at HMYOI Feltham.",
    establishment: "FMI",
    governorEmail: feltham.governorEmail,
    governorName: feltham.governorName,
  };
  await seedStageTender(spec, now());
  const tender = await db.tender.findUniqueOrThrow({ where: { reference: spec.reference }, select: { id: true, title: true } });
  const decision = await db.awardDecision.findFirstOrThrow({ where: { tenderId: tender.id, status: "APPROVED" }, select: { id: true } });
  console.log(JSON.stringify({ tenderId: tender.id, awardDecisionId: decision.id, title: tender.title }));
  await db.$disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
