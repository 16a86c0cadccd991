import { readFeeKey, readForecasts, readPlan, type PlanProblem, type ReadPlan } from "../checks/planReader";
import { normalise } from "../sheet/vocabulary";
import type { SheetData } from "../sheet/sheetData";
import { nextBudgetTemplate, type NextBudgetInput } from "./nextBudget";
import type { TemplateSpec } from "./spec";

/**
 * The next budget round from a workbook as read back: which plan, which fee key and which starting equity,
 * chosen the way the director would, each with the words the sheet uses to say where it came from.
 */
export interface NextBudgetChoices {
  /** The state's allotment for the new years (tkr); null takes the old plan's figure for the new first year. */
  stateAllotment: number | null;
  /** The index for the new last year's costs (0.02 = 2 %). */
  costIndex: number;
  /** The association's name; by default the one on the old plan's sheet. */
  association?: string;
}

export type NextBudgetResult =
  | { spec: TemplateSpec; input: NextBudgetInput; allotmentFromPlan: boolean }
  | { problem: PlanProblem | "noAllotment" };

export function nextBudgetFrom(sheets: readonly SheetData[], choices: NextBudgetChoices): NextBudgetResult {
  const read = readPlan(sheets);
  if ("problem" in read) return read;
  const { plan } = read;
  const planned = plan.state?.amounts[1] ?? null;
  const stateAllotment = choices.stateAllotment ?? planned;
  if (stateAllotment === null) return { problem: "noAllotment" };
  const input: NextBudgetInput = {
    association: choices.association ?? plan.association ?? "",
    plan: {
      sheet: plan.sheet,
      years: plan.years,
      state: plan.state!,
      municipalities: plan.municipalities,
      region: plan.region!,
      otherIncome: plan.otherIncome,
      costGroups: plan.costGroups,
      equityEnd: plan.equityEnd,
    },
    stateAllotment,
    costIndex: choices.costIndex,
    feeKey: feeKeyFor(plan, sheets),
    opening: openingFor(plan, sheets),
  };
  return { spec: nextBudgetTemplate(input), input, allotmentFromPlan: choices.stateAllotment === null };
}

const span = (plan: ReadPlan) => `${plan.years[0]}–${plan.years[plan.years.length - 1]}`;

/** A name on the fee sheet is the same member as a budget row when one begins with the other ("Umeå kommun"). */
const sameMember = (a: string, b: string) => {
  const [x, y] = [normalise(a), normalise(b)];
  return (
    x === y ||
    x.startsWith(`${y} `) ||
    y.startsWith(`${x} `) ||
    x.startsWith(`${y},`) ||
    y.startsWith(`${x},`)
  );
};

/**
 * The fee key: the populations of the fee sheet when it names every municipality of the plan, else the shares
 * the plan itself shows, else the plan's own fees for the new first year.
 */
function feeKeyFor(plan: ReadPlan, sheets: readonly SheetData[]): NextBudgetInput["feeKey"] {
  const key = readFeeKey(sheets);
  const matched = key && plan.municipalities.map((m) => key.members.find((k) => sameMember(k.name, m.name)));
  if (key && matched && matched.every((m) => m !== undefined)) {
    const date = key.referenceDate ? ` ${key.referenceDate}` : "";
    return {
      weights: matched.map((m) => m!.population),
      source: `befolkningen i arbetsför ålder${date} (bladet ${key.sheet}${key.budgetYear ? `, budgetår ${key.budgetYear}` : ""})`,
    };
  }
  if (plan.municipalities.every((m) => m.share !== null && m.share >= 0))
    return {
      weights: plan.municipalities.map((m) => m.share!),
      source: `andelarna av arb-bef. i ${plan.sheet} (planen ${span(plan)})`,
    };
  return {
    weights: plan.municipalities.map((m) => Math.max(0, m.amounts[1] ?? 0)),
    source: `avgifterna för ${plan.years[1]} i ${plan.sheet} (planen ${span(plan)}), som nyckel`,
  };
}

/** The current year's forecast of equity at year end where an interim report has one, else the old plan's. */
function openingFor(plan: ReadPlan, sheets: readonly SheetData[]): NextBudgetInput["opening"] {
  const current = plan.years[0];
  const forecast = readForecasts(sheets)
    .filter((f) => f.year === current)
    .pop();
  if (forecast)
    return {
      equity: forecast.equity,
      source: `helårsprognosen för ${current} (bladet ${forecast.sheet})`,
    };
  const end = plan.equityEnd[0] ?? null;
  return end === null
    ? { equity: null, source: `saknas i ${plan.sheet}: skriv in det` }
    : {
        equity: end,
        source: `eget kapital vid årets slut ${current} enligt ${plan.sheet} (ingen helårsprognos i arbetsboken)`,
      };
}
