import { invalid, notAvailable } from "./errors";
import {
  requireFinite,
  requireInRange,
  requireInteger,
  requireNonEmpty,
  requireNonNegative,
} from "./numbers";

/**
 * How the indicators of a social budget are measured: participant outcome rates, throughput, survey
 * top-box shares, and goal attainment with the board's tolerance and minimum response rate.
 */

/** Participant outcomes of one platform (for women, men or in total). */
export interface ParticipantOutcomes {
  /** Deltagare under året. */
  participants: number;
  /** Avslutade. */
  ended: number;
  /** Avslutade till positiv lösning: work, studies, Arbetsförmedlingen, or clarified lack of work capacity. */
  positive: number;
  work: number;
  studies: number;
  employmentService: number;
  noWorkCapacity: number;
  /** Avslutade av hälsoskäl. */
  health: number;
  /** Avbrott. */
  dropout: number;
}

export interface OutcomeRates {
  /** Positive solutions of all ended (goal 2023: 70 %). */
  positive: number | null;
  /** Of the positive solutions (goals 2023: work 35 %, studies 25 %, Arbetsförmedlingen 20–25 %). */
  work: number | null;
  studies: number | null;
  employmentService: number | null;
  noWorkCapacity: number | null;
  /** Of all ended. */
  health: number | null;
  dropout: number | null;
  /** Ended / participants during the year (goal 40 %). */
  throughput: number | null;
}

/** part / whole, or `null` when the whole is zero (nothing to measure yet). */
export function rate(part: number, whole: number): number | null {
  requireNonNegative(part, "part");
  requireNonNegative(whole, "whole");
  if (part > whole) throw invalid("partExceedsWhole", { part, whole });
  return whole === 0 ? null : part / whole;
}

/**
 * The outcome rates of DOMAIN.md: the positive-solution kinds are shares **of the positive solutions**,
 * health reasons and drop-outs shares **of all ended**.
 */
export function outcomeRates(o: ParticipantOutcomes): OutcomeRates {
  return {
    positive: rate(o.positive, o.ended),
    work: rate(o.work, o.positive),
    studies: rate(o.studies, o.positive),
    employmentService: rate(o.employmentService, o.positive),
    noWorkCapacity: rate(o.noWorkCapacity, o.positive),
    health: rate(o.health, o.ended),
    dropout: rate(o.dropout, o.ended),
    throughput: throughput(o.ended, o.participants),
  };
}

/** Genomströmning = ended / participants during the year. */
export function throughput(ended: number, participants: number): number | null {
  return rate(ended, participants);
}

/**
 * The share of survey answers in the top `topN` alternatives, `counts` listed from the lowest
 * alternative to the highest.
 * @example topShare([1, 2, 7, 20, 10], 3) // 37 / 40 = 0.925
 */
export function topShare(counts: ArrayLike<number>, topN: number): number {
  requireNonEmpty(counts, "counts");
  let total = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i];
    if (!(c >= 0) || !Number.isFinite(c)) requireNonNegative(c, "count", i);
    total += c;
  }
  requireInteger(topN, 1, counts.length, "topN");
  if (!Number.isFinite(total)) throw invalid("tooLarge", { what: "counts", value: Number.MAX_VALUE });
  if (total === 0) throw notAvailable("zeroTotal", { what: "answers" });
  let top = 0;
  for (let i = counts.length - topN; i < counts.length; i++) top += counts[i];
  return top / total;
}

export interface GoalInput {
  /** The measured outcome; `null` when not measured. */
  actual: number | null;
  target: number;
  /** The deviation from the target the board accepts, in the unit of `actual` (default 0). */
  tolerance?: number;
  /** The survey's response rate (0–1), when the indicator comes from a survey. */
  responseRate?: number | null;
  /** The lowest response rate the board accepts (default 0.5). */
  minResponseRate?: number;
  /** For indicators where lower is better (benefit dependency): met when actual ≤ target + tolerance. */
  lowerIsBetter?: boolean;
}

export const DEFAULT_MIN_RESPONSE_RATE = 0.5;

/**
 * reached: the target is met; near: missed, but within the accepted tolerance; notReached; missing: no
 * outcome; lowResponse: the survey's response rate is below the minimum, so the board does not accept it.
 */
export type GoalStatus = "reached" | "near" | "notReached" | "missing" | "lowResponse";

export function goalStatus(goal: GoalInput): GoalStatus {
  return goalStatusOf(
    goal.actual,
    goal.target,
    goal.tolerance ?? 0,
    goal.responseRate ?? null,
    goal.minResponseRate ?? DEFAULT_MIN_RESPONSE_RATE,
    goal.lowerIsBetter ?? false,
  );
}

/** goalStatus with its inputs one by one (what GOALMET calls per cell, with no object per call). */
export function goalStatusOf(
  actual: number | null,
  target: number,
  toleranceIn: number,
  responseRate: number | null,
  minResponseRateIn: number,
  lowerIsBetter: boolean,
): GoalStatus {
  const tolerance = requireNonNegative(toleranceIn, "tolerance");
  const minResponseRate = requireInRange(minResponseRateIn, 0, 1, "minResponseRate");
  requireFinite(target, "target");
  if (responseRate !== null) requireInRange(responseRate, 0, 1, "responseRate");
  if (actual === null) return "missing";
  requireFinite(actual, "actual");
  if (responseRate !== null && responseRate < minResponseRate) return "lowResponse";
  // The epsilon keeps 0.7 measured as 7/10 (0.7000000000000001 or 0.6999999999999999) on target.
  const epsilon = 1e-9 * Math.max(1, Math.abs(target));
  const gap = lowerIsBetter ? target - actual : actual - target;
  if (gap >= -epsilon) return "reached";
  if (gap >= -tolerance - epsilon) return "near";
  return "notReached";
}

/** TRUE when the goal is reached or near (within the accepted tolerance). */
export function goalMet(goal: GoalInput): boolean {
  const status = goalStatus(goal);
  return status === "reached" || status === "near";
}
