// The words young commissioners meet on the portal that we cannot avoid,
// each explained in short, plain sentences. One list, used by the word-list
// page and by links next to the words on technician pages.

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
    meaning: "The group of people who mark the bids for one tender. It has commissioners and young commissioners. Every mark counts.",
  },
  {
    slug: "criterion",
    word: "Question (criterion)",
    meaning: 'One thing we check in every bid, like "How will young people get help quickly?". Each bid gets a mark for each question.',
  },
  {
    slug: "weight",
    word: "Weight",
    meaning: "How much a question counts towards the total. A question with a weight of 40% counts twice as much as one with 20%.",
  },
  {
    slug: "mark",
    word: "Mark (score)",
    meaning: "A number from 0 to 5 that says how good an answer is. 0 means no answer, 5 means excellent. You also write why.",
  },
  {
    slug: "conflict-of-interest",
    word: "Conflict of interest",
    meaning:
      "When you know someone at an organisation, or it could help or harm you. Then it would not be fair for you to mark their bid. Just tell us.",
  },
  {
    slug: "moderation",
    word: "Moderation (panel meeting)",
    meaning:
      "When the panel looks at everyone's marks together and talks about the ones that are very different. You can change your mark if you want to, and say why.",
  },
  {
    slug: "panel-parity",
    word: "Panel parity",
    meaning:
      "A way of adding up marks. Young commissioners' marks count for half. Commissioners' marks count for the other half. It does not matter how many of each there are.",
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
];
