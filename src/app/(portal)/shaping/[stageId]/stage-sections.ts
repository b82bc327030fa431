// The parts of a shaping stage, in the order people work through them: the stage's pages show them as one
// navigation. Each part adds one line here (and shows only to those who may use it, asked of the policy).
import type { Actor } from "@/server/auth/actor";
import type { LoadedStage } from "@/server/shaping/load-stage";
import { can } from "@/server/policy";

export interface StageSection {
  /** The path under /shaping/<stageId>: "" for the overview, "/themes" … */
  path: string;
  label: string;
  show: (actor: Actor, stage: LoadedStage) => boolean;
}

export const STAGE_SECTIONS: StageSection[] = [
  { path: "", label: "Overview", show: () => true },
  { path: "/questions", label: "Questions", show: (actor, stage) => can(actor, "shaping.manage", stage) },
  { path: "/people", label: "People", show: (actor, stage) => can(actor, "shaping.manage", stage) },
  {
    path: "/answer",
    label: "Your answers",
    show: (actor, stage) => can(actor, "shaping.contribute", stage) && stage.status !== "PLANNING",
  },
  { path: "/sessions", label: "Focus groups", show: (actor, stage) => can(actor, "shaping.facilitate", stage) },
  { path: "/codes", label: "Code cards", show: (actor, stage) => can(actor, "shaping.facilitate", stage) },
  { path: "/check", label: "Check answers", show: (actor, stage) => can(actor, "shaping.facilitate", stage) },
  { path: "/themes", label: "Themes", show: (actor, stage) => can(actor, "shaping.facilitate", stage) },
  { path: "/priorities", label: "Rank the themes", show: (actor, stage) => can(actor, "shaping.read", stage) },
  { path: "/specification", label: "Specification", show: (actor, stage) => can(actor, "shaping.manage", stage) },
  { path: "/agree", label: "Do you agree?", show: (actor, stage) => can(actor, "shaping.contribute", stage) },
  // The easy-read summary to print for the wing, once there are themes (shape-after).
  { path: "/you-said-we-did", label: "You said, we did (to print)", show: (actor, stage) => can(actor, "shaping.printSummary", stage) },
];
