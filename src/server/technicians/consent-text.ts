import "server-only";
import { env } from "../env";

// What a young commissioner agrees to before they take part (PRODUCT.md:
// "Technicians: paid, safe, free to step back"). Written for a 12-year-old:
// short sentences, everyday words. A consent records the version it was given
// for, so any change to the meaning of this text needs a new version: everyone
// is then asked to read it again before they carry on.

export const CONSENT_TEXT_VERSION = "2026-11-v1";

export interface ConsentSection {
  id: string;
  heading: string;
  paragraphs: string[];
  /** A short bulleted list after the paragraphs. */
  list?: string[];
  /** Paragraphs after the list. */
  after?: string[];
}

export interface ConsentText {
  version: string;
  sections: ConsentSection[];
}

export function consentText(): ConsentText {
  return {
    version: CONSENT_TEXT_VERSION,
    sections: [
      {
        id: "role",
        heading: "What you will do",
        paragraphs: [
          "You will be a young commissioner. You help the NHS choose who runs health services for young people in custody.",
          "Organisations send in bids. A bid says how they would run the service. You read the bids and give each one a score from 0 to 5. You also say why you gave that score.",
          "Your scores count the same as a commissioner's scores. You use what you know from your own life. You never have to tell anyone your story.",
        ],
      },
      {
        id: "pay",
        heading: "You are paid for your time",
        paragraphs: [
          "This is paid work. Each panel has its own hourly rate. You can see it on \u201cMy panels\u201d before you say yes to a panel, and before you log any time.",
          "You log the time you spend, like reading bids or going to a meeting. A commissioner checks it. Then you are paid at that panel's rate.",
        ],
      },
      {
        id: "data",
        heading: "What we keep about you",
        paragraphs: ["We keep as little as we can:"],
        list: [
          "your first name, or a name you choose",
          "your email address, so you can sign in and we can contact you",
          "your phone number, only if you give it",
          "whether you are under 18, only if you tell us (yes or no, never your date of birth)",
          "the scores you give and the reasons you write",
          "the time you log and what you are paid",
        ],
        after: ["We also keep a record of what is done on the portal and when. This helps us show that decisions were made fairly."],
      },
      {
        id: "who-sees",
        heading: "Who sees it",
        paragraphs: [
          "The commissioners who run your panel see your name. They need it to support you and to pay you.",
          "Everyone else on the panel sees you as \u201cYoung commissioner A\u201d, \u201cB\u201d and so on.",
          "The organisations that send bids never see your name. Nor does anything we publish.",
          "Your email, your phone number and whether you are under 18 are never shown on a panel. Only the portal's administrators can see them, to contact you and keep you safe.",
        ],
      },
      {
        id: "step-back",
        heading: "You can stop at any time",
        paragraphs: [
          "You can step back from any panel at any time. You do not have to give a reason. It will not count against you.",
          "You can also take back this agreement at any time, on the page \u201cAbout your role and your data\u201d. Then you step back from all your panels.",
          "You are always paid for time you have already worked.",
        ],
      },
      {
        id: "support",
        heading: "Who to talk to",
        paragraphs: [
          "If you have a question, or you are worried about anything, you can talk to:",
          env().SUPPORT_CONTACT,
          // Not everyone can use email (issue 27): a way to reach someone in person, and a free line for a young person.
          "You do not need email to reach someone. Ask the commissioner at your panel, or a member of staff you trust, to put you in touch.",
          "If you are worried about your safety, you can call Childline for free on 0800 1111. It is for anyone under 19.",
        ],
      },
    ],
  };
}
