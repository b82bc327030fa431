// The words young commissioners meet on the portal that we cannot avoid,
// each explained in short, plain sentences. One list, used by the word-list
// page and by links next to the words on technician pages.

import { describeStage, TENDER_STAGES, type TenderStage } from "./tender-lifecycle";

/** Each stage in plain words; its name is the one every status tag shows (from the lifecycle), so a renamed stage stays in step. */
const STAGES: Record<TenderStage, string> = {
  DRAFT: "The commissioner is still writing the tender. Nobody else can see it yet.",
  SHAPING:
    "Young people say what the service should be like and what matters most. The commissioner then writes the tender from what they said.",
  PUBLISHED: "Providers can read the tender and send bids. Nobody can read the bids yet.",
  CLOSED: "The time for sending bids is over. The bids are about to be opened.",
  EVALUATION: "Panel members read the bids and score them, each on their own.",
  MODERATION: "The panel looks at everyone's scores together and agrees the order of the bids.",
  RANKING_FROZEN: "The order of the bids is fixed. The commissioner writes up who should get the contract.",
  AWARD_PENDING_SIGNOFF: "The panel has made its choice. The governor must agree to it before anything happens.",
  STANDSTILL: "The bidders have been told the result. They have a few days to question it.",
  AWARDED: "The contract has been given to the chosen provider.",
  CANCELLED: "The tender was stopped. No contract will come from it.",
};

export interface GlossaryEntry {
  /** Used in links: /words#<slug>. */
  slug: string;
  word: string;
  meaning: string;
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    slug: "tender",
    word: "Tender",
    meaning:
      "A way of choosing who will run a service. The NHS says what it needs. Organisations send ideas and prices. A panel picks the best one.",
  },
  {
    slug: "bid",
    word: "Bid",
    meaning: "What an organisation sends in to ask to run the service. It says how they would do it and what it would cost.",
  },
  {
    slug: "provider",
    word: "Provider",
    meaning: "An organisation that runs health services, like a health charity or an NHS team. Providers send bids.",
  },
  { slug: "commissioner", word: "Commissioner", meaning: "Someone from NHS England whose job is to choose and pay for health services." },
  {
    slug: "young-commissioner",
    word: "Young commissioner",
    meaning:
      'You. A young person who is paid to help choose services. Providers never see your name: they see "Young commissioner A" or "B".',
  },
  {
    slug: "panel",
    word: "Panel",
    meaning: "The group of people who score the bids for one tender. It has commissioners and young commissioners. Every score counts.",
  },
  {
    slug: "criterion",
    word: "Question (criterion)",
    meaning: 'One thing we check in every bid, like "How will young people get help quickly?". Each bid gets a score for each question.',
  },
  {
    slug: "weight",
    word: "Weight",
    meaning: "How much a question counts towards the total. A question with a weight of 40% counts twice as much as one with 20%.",
  },
  {
    slug: "score",
    word: "Score",
    meaning: "A number from 0 to 5 that says how good an answer is. 0 means no answer, 5 means excellent. You also write why.",
  },
  {
    slug: "criterion-score",
    word: "Criterion score",
    meaning:
      "The panel's score for one question in one bid. It is the average of everyone's scores for it. It can have decimals, like 3.75.",
  },
  {
    slug: "total",
    word: "Total (out of 100)",
    meaning:
      "A bid's score for all the questions together. Each criterion score counts as much as its weight says. The bid with the highest total comes first.",
  },
  {
    slug: "rounded",
    word: "Rounded once to 2 decimal places",
    meaning:
      "We work the total out exactly. Only at the very end do we cut it to 2 numbers after the point, like 82.03. So every page shows the same total.",
  },
  {
    slug: "price-score",
    word: "Price score (lowest compliant price ÷ this bid's price × 5)",
    meaning:
      'Nobody scores the price: a sum does. The cheapest fair price gets 5. A price twice as high gets half that, 2.5. "Compliant" means the bid follows the rules.',
  },
  {
    slug: "conflict-of-interest",
    word: "Conflict of interest",
    meaning:
      "When you know someone at an organisation, or it could help or harm you. Then it would not be fair for you to score their bid. Just tell us.",
  },
  {
    slug: "moderation",
    word: "Moderation (panel meeting)",
    meaning:
      "When the panel looks at everyone's scores together and talks about the ones that are very different. You can change your score if you want to, and say why.",
  },
  {
    slug: "panel-parity",
    word: "Panel parity",
    meaning:
      "A way of adding up scores. Young commissioners' scores count for half. Commissioners' scores count for the other half. It does not matter how many of each there are.",
  },
  {
    slug: "governor",
    word: "Governor",
    meaning: "The person in charge of the prison or secure centre. They must agree before a contract is given.",
  },
  {
    slug: "sign-off",
    word: "Sign-off",
    meaning: "When someone agrees to a decision by typing their name. The governor signs off the choice of provider.",
  },
  {
    slug: "standstill",
    word: "Standstill",
    meaning:
      "A waiting time after the choice is made. It starts the next day. Then it lasts 8 more working days. Other bidders can question the choice during it.",
  },
  {
    slug: "contract",
    word: "Contract",
    meaning: "The agreement that says which provider runs the service, for how long and for how much money.",
  },
  {
    slug: "consent",
    word: "Consent",
    meaning: "Saying yes after you understand what you are agreeing to. You can change your mind at any time.",
  },
  { slug: "step-back", word: "Step back", meaning: "Stop being on a panel. You can do it at any time, and you do not have to say why." },
  {
    slug: "stage",
    word: "Stage",
    meaning: "Where a tender has got to. Each tender shows its stage in a coloured label. The stages are next.",
  },
  ...TENDER_STAGES.map((stage) => ({
    slug: `stage-${stage.toLowerCase().replaceAll("_", "-")}`,
    word: `Stage: ${describeStage(stage).label}`,
    meaning: STAGES[stage],
  })),
  {
    slug: "hmyoi",
    word: "HMYOI",
    meaning: "His Majesty's Young Offender Institution. A prison for young people, like HMYOI Feltham or HMYOI Cookham Wood.",
  },
  {
    slug: "custody",
    word: "Custody",
    meaning: "Being kept in a prison or secure centre by law. The services we choose are for children and young people in custody.",
  },
  {
    slug: "reference",
    word: "Reference (like NHSE-LDN-2026-017)",
    meaning:
      "A tender's own code, so people can be sure which one they mean. NHSE is NHS England, LDN is London, then the year and a number.",
  },
];
