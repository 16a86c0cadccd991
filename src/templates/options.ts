import { MUNICIPALITIES_2021, STATE_ALLOTMENT_2021 } from "../examples/budget2021";
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
  municipalities: MUNICIPALITIES_2021.map((m) => ({ name: m.name, population: m.share })),
  ageBand: "20–64 år",
  referenceDate: "2019-12-31",
  stateAllotment: STATE_ALLOTMENT_2021,
  content: "example",
};

/** A new association's starting point: the example's members, nothing filled in. */
export const BLANK_OPTIONS: TemplateOptions = {
  ...EXAMPLE_OPTIONS,
  associationName: "Samordningsförbundet",
  municipalities: EXAMPLE_OPTIONS.municipalities.map((m) => ({ name: m.name, population: null })),
  stateAllotment: null,
  content: "blank",
};
