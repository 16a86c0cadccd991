import type { FunctionId } from "./catalog";
import {
  checkSum,
  costSplit,
  equityCap,
  feeSplit,
  financing,
  goalMet,
  impactIndex,
  soliditet,
  topShare,
  weightCheck,
} from "./functions";

/** Every custom function by its id, for engines other than Excel (the headless engine, tests). */
export const FUNCTIONS: Record<FunctionId, (...args: never[]) => unknown> = {
  IMPACTINDEX: impactIndex,
  FEESPLIT: feeSplit,
  FINANCING: financing,
  EQUITYCAP: equityCap,
  WEIGHTCHECK: weightCheck,
  TOPSHARE: topShare,
  GOALMET: goalMet,
  CHECKSUM: checkSum,
  COSTSPLIT: costSplit,
  SOLIDITET: soliditet,
};

/** Functions whose result spills: the size of the result from the sizes of the arguments. */
export const SPILL_SIZE: Partial<
  Record<FunctionId, (argSizes: { width: number; height: number }[]) => { width: number; height: number }>
> = {
  FEESPLIT: ([populations]) => populations,
  COSTSPLIT: () => ({ width: 3, height: 1 }),
  FINANCING: ([, populations]) => ({
    width: 1,
    height: (populations?.width ?? 1) * (populations?.height ?? 1) + 1,
  }),
};
