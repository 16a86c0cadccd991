import {
  goalMet,
  goalStatus,
  outcomeRates,
  rate,
  topShare,
  type GoalInput,
} from "../../src/domain/indicators";
import { expectDomainError } from "../helpers/errors";

describe("outcomeRates", () => {
  test("positive-solution kinds are shares of the positive solutions; health and drop-outs of all ended", () => {
    const rates = outcomeRates({
      participants: 200,
      ended: 80,
      positive: 56,
      work: 20,
      studies: 14,
      employmentService: 12,
      noWorkCapacity: 10,
      health: 8,
      dropout: 4,
    });
    expect(rates).toEqual({
      positive: 0.7,
      work: 20 / 56,
      studies: 0.25,
      employmentService: 12 / 56,
      noWorkCapacity: 10 / 56,
      health: 0.1,
      dropout: 0.05,
      throughput: 0.4,
    });
  });

  test("nothing ended yet: the rates are not available rather than zero", () => {
    expect(rate(0, 0)).toBeNull();
  });

  test("refuses a part larger than its whole", () => {
    expectDomainError(() => rate(5, 4), "invalid", "partExceedsWhole");
  });
});

describe("topShare", () => {
  test.each([
    [[1, 2, 7, 20, 10], 3, 37 / 40],
    [[1, 2, 7, 20, 10], 5, 1],
    [[0, 0, 0, 0, 0, 0, 1, 2, 3, 4], 4, 1],
    [[5, 0, 0, 0, 0, 0, 0, 0, 0, 5], 4, 0.5],
  ])("%p, top %p", (counts, topN, expected) => {
    expect(topShare(counts, topN)).toBeCloseTo(expected, 12);
  });

  test.each([
    [[1, 2, 3], 0, "outOfRange"],
    [[1, 2, 3], 4, "outOfRange"],
    [[1, 2, 3], 1.5, "notInteger"],
    [[1, -2, 3], 1, "negative"],
    [[], 1, "emptyList"],
  ] as const)("refuses %p with topN %p", (counts, topN, code) => {
    expectDomainError(() => topShare(counts, topN), "invalid", code);
  });

  test("no answers at all: not available", () => {
    expectDomainError(() => topShare([0, 0, 0], 2), "notAvailable", "zeroTotal");
  });
});

describe("goalStatus and goalMet", () => {
  const cases: [string, GoalInput, string, boolean][] = [
    ["on target", { actual: 0.7, target: 0.7 }, "reached", true],
    ["7 of 10 against 70 %", { actual: 7 / 10, target: 0.7 }, "reached", true],
    ["above", { actual: 0.75, target: 0.7 }, "reached", true],
    ["within the board's tolerance", { actual: 0.66, target: 0.7, tolerance: 0.05 }, "near", true],
    ["outside the tolerance", { actual: 0.64, target: 0.7, tolerance: 0.05 }, "notReached", false],
    ["not measured", { actual: null, target: 0.7 }, "missing", false],
    ["response rate too low", { actual: 0.9, target: 0.8, responseRate: 0.45 }, "lowResponse", false],
    ["response rate exactly 50 %", { actual: 0.9, target: 0.8, responseRate: 0.5 }, "reached", true],
    [
      "own minimum response rate",
      { actual: 0.9, target: 0.8, responseRate: 0.45, minResponseRate: 0.4 },
      "reached",
      true,
    ],
    ["lower is better, fell", { actual: -0.01, target: 0, lowerIsBetter: true }, "reached", true],
    ["lower is better, rose", { actual: 0.02, target: 0, lowerIsBetter: true }, "notReached", false],
  ];
  test.each(cases)("%s", (_name, goal, status, met) => {
    expect(goalStatus(goal)).toBe(status);
    expect(goalMet(goal)).toBe(met);
  });

  test("refuses a negative tolerance and a response rate above 100 %", () => {
    expectDomainError(() => goalStatus({ actual: 1, target: 1, tolerance: -1 }), "invalid", "negative");
    expectDomainError(() => goalStatus({ actual: 1, target: 1, responseRate: 80 }), "invalid", "outOfRange");
  });
});
