import { annualAccountsTemplate } from "./annualAccounts";
import { budgetTemplate } from "./budget";
import { feesTemplate } from "./fees";
import { followUpTemplate } from "./followUp";
import { impactIndexTemplate } from "./impactIndex";
import { socialBudgetTemplate } from "./socialBudget";
import type { TemplateId, TemplateOptions, TemplateSpec } from "./spec";

export type { TemplateId, TemplateOptions, TemplateSpec } from "./spec";
export { EXAMPLE_OPTIONS, BLANK_OPTIONS, blankOptions } from "./options";

/**
 * A template needs at least one member row to have somewhere to type; a blank start with no members yet (the
 * command line's blank export) gets one empty row named for the user to overwrite.
 */
function withMembers(build: (options: TemplateOptions) => TemplateSpec) {
  return (options: TemplateOptions) =>
    build(
      options.municipalities.length > 0
        ? options
        : { ...options, municipalities: [{ name: "Kommun 1", population: null }] },
    );
}

/** The templates, in the order the gallery shows them. */
export const TEMPLATES: Record<TemplateId, (options: TemplateOptions) => TemplateSpec> = {
  budget: withMembers(budgetTemplate),
  avgifter: withMembers(feesTemplate),
  socialbudget: withMembers(socialBudgetTemplate),
  impactindex: withMembers(impactIndexTemplate),
  arsbokslut: withMembers(annualAccountsTemplate),
  uppfoljning: withMembers(followUpTemplate),
};

export const TEMPLATE_IDS = Object.keys(TEMPLATES) as TemplateId[];
