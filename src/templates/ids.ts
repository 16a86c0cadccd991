import type { TemplateId } from "./spec";

/** The templates, in the order the gallery shows them (a test holds it to the builders in index.ts). */
export const TEMPLATE_IDS: readonly TemplateId[] = [
  "budget",
  "avgifter",
  "socialbudget",
  "impactindex",
  "arsbokslut",
];
