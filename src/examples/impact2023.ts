/**
 * Illustrative outcomes for the Impactindex example (the seeds hold no outcome data): participant counts
 * per platform for women and men, a made-up outcome per indicator and platform, last year's index per
 * goal area. Plausible figures chosen to show every status (reached, near, not reached), not real ones.
 */
export const PLATFORMS = ["Ungdomstorget", "Vuxentorget", "Samordningsteamen"] as const;
export const ALL_PLATFORMS = "Arbetsmarknadstorgen";

/** The measures of the participant-outcomes block, in order (DOMAIN.md section 6). */
export const OUTCOME_MEASURES = [
  { key: "participants", label: "Deltagare under året" },
  { key: "newcomers", label: "   varav nya" },
  { key: "ended", label: "Avslutade" },
  { key: "positive", label: "   varav positiv lösning" },
  { key: "work", label: "      till arbete" },
  { key: "studies", label: "      till studier" },
  { key: "employmentService", label: "      till Arbetsförmedlingen" },
  { key: "noWorkCapacity", label: "      klarlagd ingen arbetsförmåga" },
  { key: "health", label: "   avslutade av hälsoskäl" },
  { key: "dropout", label: "   avbrott" },
  { key: "remaining", label: "Kvar vid årets slut" },
] as const;

export type OutcomeMeasure = (typeof OUTCOME_MEASURES)[number]["key"];

/** [women, men] per measure and platform. */
export const PARTICIPANTS_EXAMPLE: Record<
  (typeof PLATFORMS)[number],
  Record<OutcomeMeasure, [number, number]>
> = {
  Ungdomstorget: {
    participants: [160, 190],
    newcomers: [90, 110],
    ended: [70, 85],
    positive: [52, 58],
    work: [17, 22],
    studies: [14, 15],
    employmentService: [12, 12],
    noWorkCapacity: [5, 4],
    health: [6, 8],
    dropout: [3, 6],
    remaining: [90, 105],
  },
  Vuxentorget: {
    participants: [210, 170],
    newcomers: [100, 80],
    ended: [90, 70],
    positive: [60, 46],
    work: [20, 17],
    studies: [9, 6],
    employmentService: [16, 12],
    noWorkCapacity: [11, 8],
    health: [12, 9],
    dropout: [5, 4],
    remaining: [120, 100],
  },
  Samordningsteamen: {
    participants: [75, 60],
    newcomers: [40, 30],
    ended: [30, 24],
    positive: [22, 16],
    work: [8, 6],
    studies: [4, 3],
    employmentService: [5, 4],
    noWorkCapacity: [3, 2],
    health: [3, 3],
    dropout: [1, 2],
    remaining: [45, 36],
  },
};

const SHARE_DRIFT = [0.04, -0.03, 0.02, 0.05, 0.01, -0.09, 0.03, 0.06, 0.02, -0.01, 0.03];
const COUNT_DRIFT = [1, 0, -1, 2];

/** A made-up outcome for an indicator on a platform, near its target. */
export function illustrativeOutcome(
  target: number,
  lowerIsBetter: boolean,
  indicator: number,
  platform: number,
): number {
  const k = indicator * 3 + platform;
  if (target >= 1) return Math.max(0, target + COUNT_DRIFT[k % COUNT_DRIFT.length]);
  const scale = target === 0 ? 0.1 : 1;
  const drift = SHARE_DRIFT[k % SHARE_DRIFT.length] * scale;
  return Math.round((lowerIsBetter ? target - drift : target + drift) * 10000) / 10000;
}

/** Last year's Impactindex for all platforms together, per goal area, and in total. */
export const LAST_YEAR_EXAMPLE = { areas: [68.5, 72.1, 61.0, 80.2, 75.4], total: 69.3 };

/** The response rate of the example surveys. */
export const RESPONSE_RATE_EXAMPLE = 0.62;
