// Run by tests/e2e/shaping-after.spec.ts through tsx, against the e2e database: a tender of the spec's own, shaped
// with young people before it was published (the demo's finished shaping of the Feltham re-tender, src/server/demo/demo-shaping-finished.ts),
// then taken by the real use cases to the stage asked for (EVALUATION or STANDSTILL), so the spec changes no data
// other specs read. Prints {"tenderId","stageId","title","awardDecisionId"} as JSON on its last line.
import { db } from "@/server/db";
import { now } from "@/server/clock";
import { seedFinishedShapingStage } from "@/server/demo/demo-shaping-finished";
import { seedStageTender, STAGE_TENDERS, type StageTender } from "@/server/demo/demo-stages";

async function main() {
  const stage = process.argv[2] === "EVALUATION" ? "EVALUATION" : "STANDSTILL";
  const suffix = process.argv[3] ?? String(Date.now());
  const base = STAGE_TENDERS.find((s) => s.stage === stage)!;
  const feltham = STAGE_TENDERS.find((s) => s.establishment === "FMI")!;
  const spec: StageTender = {
    ...base,
    reference: `E2E-SHAPED-${stage.slice(0, 4)}-${suffix}`,
    title: `Feltham shaped health service ${stage === "EVALUATION" ? "in evaluation" : "in standstill"} ${suffix}`,
    establishment: "FMI",
    governorEmail: feltham.governorEmail,
    governorName: feltham.governorName,
  };
  let stageId = "";
  await seedStageTender(spec, now(), async (tenderId, publishedAt) => {
    stageId = (await seedFinishedShapingStage(tenderId, publishedAt))!;
  });
  const tender = await db.tender.findUniqueOrThrow({ where: { reference: spec.reference }, select: { id: true, title: true } });
  const decision = await db.awardDecision.findFirst({ where: { tenderId: tender.id, status: "APPROVED" }, select: { id: true } });
  console.log(JSON.stringify({ tenderId: tender.id, stageId, title: tender.title, awardDecisionId: decision?.id ?? null }));
  await db.$disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
