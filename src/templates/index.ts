import { annualAccountsTemplate } from "./annualAccounts";
import { budgetTemplate } from "./budget";
import { feesTemplate } from "./fees";
import { impactIndexTemplate } from "./impactIndex";
import { socialBudgetTemplate } from "./socialBudget";
import type { TemplateId, TemplateOptions, TemplateSpec } from "./spec";

export type { TemplateId, TemplateOptions, TemplateSpec } from "./spec";
export { EXAMPLE_OPTIONS, BLANK_OPTIONS } from "./options";

/** The templates, in the order the gallery shows them. */
export const TEMPLATES: Record<TemplateId, (options: TemplateOptions) => TemplateSpec> = {
  budget: budgetTemplate,
  avgifter: feesTemplate,
  socialbudget: socialBudgetTemplate,
  impactindex: impactIndexTemplate,
  arsbokslut: annualAccountsTemplate,
};

export const TEMPLATE_IDS = Object.keys(TEMPLATES) as TemplateId[];
