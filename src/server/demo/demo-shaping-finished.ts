// The demo's finished shaping (issue 24): the Feltham re-tender in DRAFT was shaped with young people before it was
// written — two focus groups (17 young people), 11 anonymous answers, 6 ranked themes, requirements and criteria
// linked to them, and the young commissioners agreed to the draft. Written through the use cases wherever one
// exists; the stage's own moves (open gathering, close ranking) are written as they would leave it.
import "server-only";
import type { Actor } from "../auth/actor";
import { loadActor } from "../auth/load-actor";
import { db } from "../db";
import { placeField } from "@/domain/theme-ballot";
import { DEFAULT_SHAPING_QUESTIONS } from "@/domain/shaping-stage";
import { makeCodes } from "../shaping/make-codes";
import { answerField, answerWithCode } from "../shaping/answer-with-code";
import { checkView } from "../shaping/check-view";
import { saveTheme } from "../shaping/save-theme";
import { setViewThemes } from "../shaping/set-view-themes";
import { chooseQuote } from "../shaping/choose-quote";
import { rankThemes } from "../shaping/rank-themes";
import { saveRequirement } from "../shaping/save-requirement";
import { saveCriterion } from "../tenders/save-criterion";
import { loadDraftSpecification } from "../shaping/draft-specification";
import { reviewSpecification } from "../shaping/review-specification";

const DAY = 86_400_000;

async function demoActor(email: string): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  return (await loadActor(user.id))!;
}

/** The six themes, in the facilitator's order, with the words (by question) that belong in each. */
const THEMES = [
  { title: "Being listened to and treated with respect", description: "Staff who explain, don't rush, and check you understood." },
  { title: "Seeing someone quickly", description: "Waiting weeks for the nurse, the dentist or mental health." },
  { title: "Help with feelings and stress", description: "Someone to talk to, especially at night and after bad news." },
  { title: "Privacy and not being judged", description: "Asking for help without the whole wing knowing." },
  { title: "Help with drugs and alcohol", description: "Support that starts inside and carries on after release." },
  { title: "Knowing what help there is", description: "Plain information about services and how to ask." },
] as const;

/** Focus-group notes: [question number, what was said, theme numbers]. */
const SESSIONS = [
  {
    heldDaysAgo: 44,
    setting: "Heron unit association room",
    participantCount: 9,
    ageBands: ["AGE_15_16", "AGE_17"] as const,
    views: [
      [0, "You wait weeks to see anyone, even when it hurts.", [1]],
      [0, "Nobody tells you what the tests are for.", [0, 5]],
      [2, "Talk to us normal, not like a textbook.", [0]],
      [3, "Everyone on the landing knows when you go to healthcare.", [3]],
    ],
  },
  {
    heldDaysAgo: 40,
    setting: "Education block, room 4",
    participantCount: 8,
    ageBands: ["UNDER_15", "AGE_15_16", "AGE_17"] as const,
    views: [
      [1, "Someone to talk to at night when it gets bad.", [2]],
      [1, "Drugs workers who keep seeing you after you get out.", [4]],
      [2, "The same nurse each time so you don't have to explain again.", [0, 1]],
      [3, "Not knowing what you're allowed to ask for.", [5]],
    ],
  },
] as const;

/** Anonymous answers: per young person, [question number, words, theme numbers], their age band and consent. */
const ANONYMOUS: { answers: [number, string, number[]][]; ageBand: string; quote: boolean }[] = [
  { answers: [[0, "Staff should check you understood, not just ask if you did.", [0]]], ageBand: "AGE_17", quote: true },
  { answers: [[3, "If the form is long I just don't do it.", [5]]], ageBand: "AGE_17", quote: true },
  { answers: [[1, "Mental health help that comes the same week.", [1, 2]]], ageBand: "AGE_15_16", quote: true },
  { answers: [[3, "I don't want officers knowing my business.", [3]]], ageBand: "AGE_17", quote: false },
  { answers: [[2, "Kind and calm. Don't shout.", [0]]], ageBand: "AGE_15_16", quote: true },
  { answers: [[0, "Waiting for the dentist for months.", [1]]], ageBand: "AGE_17", quote: true },
  { answers: [[1, "Help to stop smoking weed that isn't just a leaflet.", [4]]], ageBand: "UNDER_15", quote: false },
  { answers: [[3, "Being scared it goes on your record.", [3]]], ageBand: "AGE_17", quote: true },
  { answers: [[1, "Someone who gets anxiety.", [2]]], ageBand: "AGE_18_OR_OVER", quote: false },
  { answers: [[0, "Posters that say what healthcare does, in normal words.", [5]]], ageBand: "AGE_17", quote: true },
  { answers: [[2, "People who don't judge you for why you're here.", [0, 3]]], ageBand: "AGE_15_16", quote: true },
];

/** Requirements: [words, theme numbers]. */
const REQUIREMENTS: [string, number[]][] = [
  ["Every young person who asks for health care is seen by a nurse within 24 hours, and knows when and by whom.", [1]],
  ["Staff explain every test and treatment in plain words and check the young person has understood.", [0]],
  ["A mental health practitioner can be reached every evening and night, in person or by phone.", [2]],
  ["Young people can ask for help in a way other young people and officers do not see.", [3]],
  ["Drug and alcohol support starts in custody and continues for at least 3 months after release.", [4]],
  ["Easy-read information about every service is on each unit and given at arrival.", [5]],
];

/** Criterion name → theme numbers it answers. */
const CRITERION_THEMES: Record<string, number[]> = {
  "Quality and innovation": [0, 2],
  "Improving access, reducing health inequalities and facilitating choice": [1, 3, 5],
  "Integration, collaboration and service sustainability": [4],
};

/** Rankings: each voter's theme numbers from most to least important. */
const RANKINGS: [string, number[]][] = [
  ["technician1@demo.test", [0, 1, 2, 3, 5, 4]],
  ["technician2@demo.test", [1, 0, 3, 2, 4, 5]],
  ["commissioner@demo.test", [1, 2, 0, 4, 3, 5]],
  ["commissioner2@demo.test", [0, 2, 1, 5, 4, 3]],
];

/**
 * Gives the demo's Feltham DRAFT re-tender (`tenderId`) a finished shaping stage, once: nothing is done when it has
 * one already. Run by Priya Shah with Tom Okafor facilitating, Jay and Mia taking part. Returns the stage's id.
 */
export async function seedFinishedShapingStage(tenderId: string, now: Date): Promise<string | null> {
  if (await db.shapingStage.findUnique({ where: { tenderId }, select: { id: true } })) return null;
  const priya = await demoActor("commissioner@demo.test");
  const tom = await demoActor("commissioner2@demo.test");
  const opened = new Date(now.getTime() - 50 * DAY);
  const stage = await db.shapingStage.create({
    data: {
      tenderId,
      purpose:
        "We are re-tendering health care at Feltham. Before we write what the new service must do, we want to hear from you: what needs to change, what matters most, what staff should be like and what stops you asking for help.",
      status: "GATHERING",
      gatheringFrom: new Date(opened.toISOString().slice(0, 10)),
      gatheringUntil: new Date(new Date(now.getTime() - 30 * DAY).toISOString().slice(0, 10)),
      gatheringOpenedAt: opened,
      createdById: priya.id,
      createdAt: opened,
      members: {
        create: [
          { email: "technician1@demo.test", role: "TECHNICIAN" as const, isFacilitator: false },
          { email: "technician2@demo.test", role: "TECHNICIAN" as const, isFacilitator: false },
          { email: "commissioner2@demo.test", role: "COMMISSIONER" as const, isFacilitator: true },
        ].map((m) => ({
          user: { connect: { email: m.email } },
          role: m.role,
          isFacilitator: m.isFacilitator,
          status: "ACCEPTED" as const,
          invitedBy: { connect: { id: priya.id } },
          invitedAt: opened,
          respondedAt: opened,
        })),
      },
      questions: { create: DEFAULT_SHAPING_QUESTIONS.map((q, i) => ({ position: i + 1, text: q.text, easyRead: q.easyRead })) },
    },
    include: { questions: { orderBy: { position: "asc" } } },
  });
  const questionIds = stage.questions.map((q) => q.id);

  // The facilitator's themes first, so each view goes into its themes as it is checked.
  const themeIds: string[] = [];
  for (const t of THEMES) themeIds.push((await saveTheme(tom, stage.id, t, opened)).id);
  const link = (viewId: string, themes: readonly number[]) =>
    setViewThemes(tom, stage.id, { viewId, themeIds: themes.map((i) => themeIds[i]!) }, opened);

  // Two focus groups (9 and 8 young people), recorded by Tom: no names, what was said.
  for (const s of SESSIONS) {
    const session = await db.shapingSession.create({
      data: {
        stageId: stage.id,
        kind: "FOCUS_GROUP",
        heldOn: new Date(new Date(now.getTime() - s.heldDaysAgo * DAY).toISOString().slice(0, 10)),
        setting: s.setting,
        participantCount: s.participantCount,
        ageBands: [...s.ageBands],
        recordedById: tom.id,
      },
    });
    for (const [q, text, themes] of s.views) {
      const view = await db.shapingView.create({
        data: {
          stageId: stage.id,
          questionId: questionIds[q]!,
          source: "SESSION",
          sessionId: session.id,
          text,
          check: "ACCEPTED",
          checkedById: tom.id,
          checkedAt: opened,
        },
      });
      await link(view.id, themes);
    }
  }

  // Eleven young people without an account answered with a code card; Tom checked each answer.
  const { cards } = await makeCodes(tom, stage.id, { count: String(ANONYMOUS.length) }, opened);
  for (const [i, person] of ANONYMOUS.entries()) {
    const values: Record<string, string> = { ageBand: person.ageBand, quoteConsent: person.quote ? "yes" : "no" };
    for (const [q, text] of person.answers) values[answerField(questionIds[q]!)] = text;
    await answerWithCode({ code: cards[i]!.code, values }, null, new Date(opened.getTime() + (i + 1) * DAY));
  }
  const anonymous = await db.shapingView.findMany({ where: { stageId: stage.id, source: "CODE" }, orderBy: { createdAt: "asc" } });
  for (const [i, view] of anonymous.entries()) {
    await checkView(tom, view.id, { decision: "accept" }, new Date(opened.getTime() + 15 * DAY));
    await link(view.id, ANONYMOUS[i]!.answers[0]![2]);
  }
  // Two consented quotes for the notice.
  for (const [i, theme] of [
    [0, 0],
    [2, 1],
  ] as const) {
    await chooseQuote(tom, stage.id, { themeId: themeIds[theme]!, viewId: anonymous[i]!.id, use: true }, opened);
  }

  // Gathering closed; everyone ranked; ranking closed.
  const gatheringClosed = new Date(now.getTime() - 30 * DAY);
  await db.shapingStage.update({ where: { id: stage.id }, data: { status: "PRIORITISING", gatheringClosedAt: gatheringClosed } });
  for (const [email, order] of RANKINGS) {
    const voter = await demoActor(email);
    const posted = Object.fromEntries(order.map((theme, place) => [placeField(themeIds[theme]!), String(place + 1)]));
    await rankThemes(voter, stage.id, posted, new Date(gatheringClosed.getTime() + DAY));
  }
  const rankingClosed = new Date(now.getTime() - 20 * DAY);
  await db.shapingStage.update({ where: { id: stage.id }, data: { status: "CLOSED", rankingClosedAt: rankingClosed } });

  // The specification: requirements and criteria linked to the themes they answer.
  for (const [text, themes] of REQUIREMENTS)
    await saveRequirement(priya, stage.id, { text, themeIds: themes.map((i) => themeIds[i]!) }, rankingClosed);
  const criteria = await db.criterion.findMany({ where: { tenderId }, orderBy: { position: "asc" } });
  for (const c of criteria) {
    const themes = CRITERION_THEMES[c.name];
    if (!themes) continue;
    await saveCriterion(
      priya,
      tenderId,
      {
        criterionId: c.id,
        name: c.name,
        description: c.description,
        plainLanguageDescription: c.plainLanguageDescription,
        weight: String(c.weight),
        kind: c.kind,
        wordLimit: c.wordLimit === null ? "" : String(c.wordLimit),
        themeIds: themes.map((i) => themeIds[i]!),
      },
      rankingClosed,
    );
  }

  // Jay and Mia read the draft and agreed to it.
  const { hash } = await loadDraftSpecification(db, { id: stage.id, tenderId });
  for (const email of ["technician1@demo.test", "technician2@demo.test"])
    await reviewSpecification(
      await demoActor(email),
      stage.id,
      { contentHash: hash, decision: "AGREE" },
      new Date(now.getTime() - 10 * DAY),
    );
  return stage.id;
}
