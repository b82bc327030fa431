// The demo's shaping (issue 24): a Feltham service being shaped with young people before it is tendered. Written
// through the use cases, as the rest of the demo is. Each part is a small exported function, so the other parts of
// the shaping work add theirs next to it (seedShaping calls them in order).
import "server-only";
import { londonDateKey } from "@/domain/london-time";
import type { Actor } from "../auth/actor";
import { loadActor } from "../auth/load-actor";
import { db } from "../db";
import { changeStage } from "../shaping/change-stage";
import { inviteStageMember } from "../shaping/invite-member";
import { openStage } from "../shaping/open-stage";
import { recordSession } from "../shaping/record-session";
import { respondToStageInvitation } from "../shaping/respond-to-invitation";
import { saveAnswer } from "../shaping/save-answer";
import { answerField, answerWithCode } from "../shaping/answer-with-code";
import { makeCodes, revokeCodes } from "../shaping/make-codes";
import { createTender } from "../tenders/create-tender";

/** The Feltham service being shaped now: gathering views, with answers waiting for a facilitator's check. */
export const GATHERING_TENDER_REFERENCE = "NHSE-LDN-2027-003";

const DAY = 86_400_000;

async function demoActor(email: string): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  return (await loadActor(user.id))!;
}

/** Seeds the demo's shaping, once: nothing is done when its tender is there already. True when it added something. */
export async function seedShaping(now: Date): Promise<boolean> {
  if (await db.tender.findUnique({ where: { reference: GATHERING_TENDER_REFERENCE }, select: { id: true } })) return false;
  const { stageId } = await seedGatheringStage(now);
  await seedCodeAnswers(stageId, now);
  return true;
}

/**
 * A new Feltham draft, "speech, language and communication", with its shaping stage in GATHERING: opened 10 days
 * ago by Priya Shah, gathering until 3 weeks from now; Jay and Mia (young commissioners) and Tom Okafor (a
 * facilitator) taking part; the four default questions; one focus group with what was said; and portal answers from
 * Jay and Mia waiting for the facilitator's check.
 */
export async function seedGatheringStage(now: Date): Promise<{ tenderId: string; stageId: string }> {
  const commissioner = await demoActor("commissioner@demo.test");
  const facilitator = await demoActor("commissioner2@demo.test");
  const jay = await demoActor("technician1@demo.test");
  const mia = await demoActor("technician2@demo.test");
  const feltham = await db.establishment.findUniqueOrThrow({ where: { code: "FMI" }, select: { id: true } });
  const opened = new Date(now.getTime() - 10 * DAY);
  const { id: tenderId } = await createTender(
    commissioner,
    {
      title: "Feltham YOI speech, language and communication service",
      reference: GATHERING_TENDER_REFERENCE,
      summary:
        "Help for young people at HMYOI Feltham who find talking, listening, reading or understanding hard. Young people are telling us what the service should be like before we write the tender.",
      establishmentId: feltham.id,
      estimatedValue: "£1,200,000",
      contractTermMonths: "36",
      procurementRoute: "PSR_COMPETITIVE_PROCESS",
      aggregationRule: "EQUAL_VOTES",
      technicianHourlyRate: "15",
    },
    opened,
  );
  const { id: stageId } = await openStage(
    commissioner,
    tenderId,
    {
      purpose:
        "We are going to buy a new speech, language and communication service for Feltham. Before we write down what it must do, we want to hear from you: what is hard, what would help, and what the staff should be like.",
      gatheringFrom: londonDateKey(opened),
      gatheringUntil: londonDateKey(new Date(now.getTime() + 21 * DAY)),
    },
    opened,
  );
  for (const [person, facilitates] of [
    [jay, false],
    [mia, false],
    [facilitator, true],
  ] as const) {
    const { id } = await inviteStageMember(commissioner, stageId, { userId: person.id, facilitator: facilitates ? "yes" : "" }, opened);
    await respondToStageInvitation(person, id, true, opened);
  }
  await changeStage(commissioner, stageId, { action: "openGathering" }, opened);

  const questions = await db.shapingQuestion.findMany({ where: { stageId }, orderBy: { position: "asc" }, select: { id: true } });
  const [change, matter, staff, stops] = questions.map((q) => q.id) as [string, string, string, string];
  await recordSession(
    facilitator,
    stageId,
    {
      kind: "FOCUS_GROUP",
      heldOn: londonDateKey(new Date(now.getTime() - 4 * DAY)),
      setting: "Heron unit association room",
      participantCount: "7",
      ageBands: ["AGE_15_16", "AGE_17"],
      views: {
        [change]: "You wait weeks to see anyone.\nNobody explains what the tests are for.",
        [matter]: "Help with reading letters and forms.\nSomeone to practise talking with before court.",
        [staff]: "Patient. Don't rush you or finish your sentences.\nTalk normal, not like a textbook.",
        [stops]: "Being embarrassed in front of other lads.\nNot knowing who to ask.",
      },
    },
    new Date(now.getTime() - 3 * DAY),
  );
  const answered = new Date(now.getTime() - 2 * DAY);
  await saveAnswer(jay, stageId, change, { text: "Staff should check you understood, not just ask if you did." }, answered);
  await saveAnswer(jay, stageId, stops, { text: "If the form is long I just don't do it.", quoteConsent: "yes" }, answered);
  await saveAnswer(
    mia,
    stageId,
    staff,
    { text: "Kind and calm, and the same person each time so you don't have to explain again." },
    answered,
  );
  return { tenderId, stageId };
}

/**
 * Young people without an account, on the gathering stage: Tom Okafor made a batch of 12 code cards a week ago;
 * four young people have answered with theirs (waiting for his check: one agreed to be quoted); a second batch of
 * 3 was lost and revoked.
 */
export async function seedCodeAnswers(stageId: string, now: Date): Promise<void> {
  const facilitator = await demoActor("commissioner2@demo.test");
  const made = new Date(now.getTime() - 7 * DAY);
  const { cards } = await makeCodes(facilitator, stageId, { count: "12" }, made);
  await makeCodes(facilitator, stageId, { count: "3" }, made);
  await revokeCodes(facilitator, stageId, "2", new Date(made.getTime() + 3_600_000));
  const questions = await db.shapingQuestion.findMany({ where: { stageId }, orderBy: { position: "asc" }, select: { id: true } });
  const field = (i: number) => answerField(questions[i]!.id);
  const answers: Record<string, string>[] = [
    {
      [field(0)]: "Shorter waits. I waited 3 weeks to see someone about my hearing.",
      [field(2)]: "Speak slowly and don't use big words.",
      ageBand: "AGE_17",
      quoteConsent: "yes",
    },
    { [field(1)]: "Help with reading letters from my solicitor.", ageBand: "AGE_15_16", quoteConsent: "no" },
    { [field(3)]: "People laugh if you get words wrong in group.", [field(2)]: "Same person every time", ageBand: "UNDER_15" },
    { [field(0)]: "More sessions on the wing, not just in healthcare." },
  ];
  for (const [i, values] of answers.entries()) {
    await answerWithCode({ code: cards[i]!.code, values }, null, new Date(now.getTime() - (4 - i) * DAY));
  }
}
