import type { TemplateId } from "./spec";

/**
 * The templates, in the order the gallery shows them (a test holds it to the builders in index.ts). A record
 * over every TemplateId, so that a template added to the spec cannot be left out of the gallery.
 */
const GALLERY_ORDER: Record<TemplateId, number> = {
  budget: 0,
  avgifter: 1,
  socialbudget: 2,
  impactindex: 3,
  arsbokslut: 4,
  uppfoljning: 5,
};

export const TEMPLATE_IDS: readonly TemplateId[] = (Object.keys(GALLERY_ORDER) as TemplateId[]).sort(
  (a, b) => GALLERY_ORDER[a] - GALLERY_ORDER[b],
);
