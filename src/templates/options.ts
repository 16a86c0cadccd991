import { MUNICIPALITIES_2021, STATE_ALLOTMENT_2021 } from "../examples/budget2021";
import { resolveMunicipality } from "../population/municipalities";
import type { MemberPopulation } from "../population/records";
import type { PopulationSource } from "../population/source";
import type { TemplateOptions } from "./spec";

/**
 * The example: Umeåregionen's association with the 2021 budget. The seeds give the municipalities'
 * shares of the working-age population (82,9 %, 5,1 % …), not head counts; since only the ratios matter,
 * the example enters the shares as printed.
 */
export const EXAMPLE_OPTIONS: TemplateOptions = {
  associationName: "Samordningsförbundet Umeåregionen",
  firstYear: 2021,
  regionName: "Region Västerbotten",
  regionCode: "24",
  municipalities: MUNICIPALITIES_2021.map((m) => ({
    name: m.name,
    population: m.share,
    code: resolveMunicipality(m.name)?.code ?? null,
  })),
  ageBand: "20–64 år",
  referenceDate: "2019-12-31",
  stateAllotment: STATE_ALLOTMENT_2021,
  content: "example",
  populationSource: null,
};

/**
 * A new association's starting point: no members, no region, the next calendar year as the first budget year
 * (read from the date, so a blank start in 2027 offers 2028) and the population at the end of the year before
 * last, the latest SCB has published when a budget is drawn up.
 */
export function blankOptions(today: Date = new Date()): TemplateOptions {
  const next = today.getFullYear() + 1;
  return {
    associationName: "Samordningsförbundet",
    firstYear: next,
    regionName: "",
    regionCode: null,
    municipalities: [],
    ageBand: "20–64 år",
    referenceDate: `${next - 2}-12-31`,
    stateAllotment: null,
    content: "blank",
    populationSource: null,
  };
}

/** The blank start as of now. */
export const BLANK_OPTIONS: TemplateOptions = blankOptions();

/**
 * One import serves both sheets: the populations go into the options' members (with their codes and the
 * imported value kept beside), the reference date becomes 31 December of the year, and the source is kept
 * for the Avgiftsfördelning sheet. From there the fee split (FEESPLIT/FINANCING) and the Budget's
 * "Andel arb-bef." column both read them. Members stay in their order.
 */
export function withImportedPopulation(
  options: TemplateOptions,
  populations: readonly MemberPopulation[],
  source: PopulationSource,
): TemplateOptions {
  const byCode = new Map(populations.map((p) => [p.code, p]));
  return {
    ...options,
    municipalities: options.municipalities.map((m) => {
      const code = m.code ?? resolveMunicipality(m.name)?.code ?? null;
      const found = code ? byCode.get(code) : undefined;
      return found ? { ...m, code, population: found.population, imported: found.population } : m;
    }),
    ageBand: source.ageBand,
    referenceDate: source.referenceDate,
    populationSource: source,
  };
}
