// The five key criteria of the Health Care Services (Provider Selection
// Regime) Regulations 2023, offered as a starting template. Weights are a
// starting point the commissioner adjusts; they add up to 100.

import { WHOLE_LIFE_PRICE } from "./money";

export interface CriterionTemplate {
  name: string;
  description: string;
  plainLanguageDescription: string;
  weight: number;
  kind: "QUALITY" | "PRICE";
  wordLimit: number | null;
}

export const PSR_KEY_CRITERIA: readonly CriterionTemplate[] = [
  {
    name: "Quality and innovation",
    description:
      "How the provider will deliver a safe, effective, high-quality service that meets the specification, uses evidence and feedback to improve, and brings new ways of working where they help.",
    plainLanguageDescription: "How good and safe the care will be, and whether they will keep making it better.",
    weight: 30,
    kind: "QUALITY",
    wordLimit: 1500,
  },
  {
    name: "Value",
    description: `${WHOLE_LIFE_PRICE} Scored by formula: the lowest compliant price gets full marks, others in proportion (lowest price ÷ bid price × 5).`,
    plainLanguageDescription: "How much the service costs. The lowest fair price gets full marks. Other prices get marks in proportion.",
    weight: 20,
    kind: "PRICE",
    wordLimit: null,
  },
  {
    name: "Integration, collaboration and service sustainability",
    description:
      "How the service will work with other health, care, education and justice services around the person, share information safely, and remain stable and well staffed for the whole contract.",
    plainLanguageDescription:
      "How well they will work with other services, so nobody falls through the gaps, and keep going for the whole contract.",
    weight: 20,
    kind: "QUALITY",
    wordLimit: 1000,
  },
  {
    name: "Improving access, reducing health inequalities and facilitating choice",
    description:
      "How the provider will make the service easy to reach for everyone who needs it, close gaps in health outcomes between groups, and give people real choices about their care.",
    plainLanguageDescription:
      "How easy it will be for everyone to get help, including people who find it hardest, and how they get a say in their care.",
    weight: 15,
    kind: "QUALITY",
    wordLimit: 1000,
  },
  {
    name: "Social value",
    description:
      "What the provider will add beyond the service itself: fair work, training and jobs, and benefits to local communities and the environment.",
    plainLanguageDescription: "What good they will do beyond the care itself, like paid jobs and training for local people.",
    weight: 15,
    kind: "QUALITY",
    wordLimit: 750,
  },
];
