// Run by tests/e2e/have-your-say.spec.ts through tsx, against the e2e database: a draft tender of the spec's own at
// HMYOI Feltham with a shaping stage in GATHERING (the default questions), run by Priya Shah (commissioner@demo.test),
// with Tom Okafor (commissioner2@demo.test) a facilitating member and Jay (technician1@demo.test) taking part, so the
// spec changes no data other specs read. Prints {"stageId","title"} as JSON on its last line.
import { DEFAULT_SHAPING_QUESTIONS } from "@/domain/shaping-stage";
import { db } from "@/server/db";

async function main() {
  const suffix = process.argv[2] ?? String(Date.now());
  const user = (email: string) => db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const [lead, facilitator, young] = await Promise.all([
    user("commissioner@demo.test"),
    user("commissioner2@demo.test"),
    user("technician1@demo.test"),
  ]);
  const feltham = await db.establishment.findFirstOrThrow({ where: { code: "FMI" }, select: { id: true } });
  const title = `Feltham sexual health clinic ${suffix}`;
  const tender = await db.tender.create({
    data: {
      reference: `E2E-SHAPE-${suffix}`,
      title,
      summary: "A sexual health clinic shaped with young people.",
      establishmentId: feltham.id,
      createdById: lead.id,
    },
  });
  const until = new Date(Date.now() + 30 * 86_400_000);
  const stage = await db.shapingStage.create({
    data: {
      tenderId: tender.id,
      purpose: "Find out what young people at Feltham want from a sexual health clinic.",
      status: "GATHERING",
      gatheringFrom: new Date(new Date().toISOString().slice(0, 10)),
      gatheringUntil: new Date(until.toISOString().slice(0, 10)),
      gatheringOpenedAt: new Date(),
      createdById: lead.id,
      questions: { create: DEFAULT_SHAPING_QUESTIONS.map((q, i) => ({ ...q, position: i + 1 })) },
      members: {
        create: [
          {
            userId: facilitator.id,
            role: "COMMISSIONER",
            status: "ACCEPTED",
            isFacilitator: true,
            invitedById: lead.id,
            respondedAt: new Date(),
          },
          { userId: young.id, role: "TECHNICIAN", status: "ACCEPTED", invitedById: lead.id, respondedAt: new Date() },
        ],
      },
    },
  });
  console.log(JSON.stringify({ stageId: stage.id, title }));
  await db.$disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
