import { checkWeights, GOAL_AREAS_2023, type WeightedIndicator } from "../../src/domain/socialBudget";
import { SOCIAL_BUDGET_2023 } from "../../src/examples/socialBudget2023";
import { expectDomainError } from "../helpers/errors";

const example: WeightedIndicator[] = SOCIAL_BUDGET_2023.flatMap((area) =>
  area.goals.flatMap((goal) => goal.indicators.map((ind) => ({ area: area.name, weight: ind.weight }))),
);

describe("checkWeights", () => {
  test("the 2023 example: 23 goals, area sums 104 / 43 / 51 / 29 / 23, all within ±5 percentage points", () => {
    expect(SOCIAL_BUDGET_2023.flatMap((a) => a.goals)).toHaveLength(23);
    const check = checkWeights(example, GOAL_AREAS_2023);
    expect(check.areas.map((a) => a.weightSum)).toEqual([104, 43, 51, 29, 23]);
    expect(check.areas.map((a) => a.nominalShare)).toEqual([0.4, 0.2, 0.2, 0.1, 0.1]);
    expect(check.areas[0].share).toBeCloseTo(0.416, 12);
    expect(check.totalWeight).toBe(250);
    expect(check.ok).toBe(true);
  });

  test("names every weight that is not a whole number 1–10, including a missing one", () => {
    const broken = example.map((ind, i) =>
      i === 2 ? { ...ind, weight: 12 } : i === 5 ? { ...ind, weight: 2.5 } : ind,
    );
    broken.push({ area: "Deltagarnöjdhet", weight: null });
    const check = checkWeights(broken, GOAL_AREAS_2023);
    expect(check.ok).toBe(false);
    expect(check.invalidWeights).toEqual([
      { index: 2, weight: 12 },
      { index: 5, weight: 2.5 },
      { index: example.length, weight: null },
    ]);
  });

  test("an area whose share strays beyond the tolerance is flagged, and the tolerance is editable", () => {
    // Deltagarnöjdhet weighted 10 on each of its 6 indicators: 60 of 281 = 21,4 % against 10 %.
    const heavy = example.map((ind) => (ind.area === "Deltagarnöjdhet" ? { ...ind, weight: 10 } : ind));
    const check = checkWeights(heavy, GOAL_AREAS_2023);
    const participants = check.areas.find((a) => a.name === "Deltagarnöjdhet");
    expect(participants?.share).toBeCloseTo(60 / 281, 12);
    expect(check.areas.filter((a) => !a.withinTolerance).map((a) => a.name)).toEqual(["Deltagarnöjdhet"]);
    expect(checkWeights(heavy, GOAL_AREAS_2023, 0.12).ok).toBe(true);
    // Exactly on the edge counts as within: Medarbetarnöjdhet at 10 each is 40 of 267 = 14,98 %.
    const staff = example.map((ind) => (ind.area === "Medarbetarnöjdhet" ? { ...ind, weight: 10 } : ind));
    expect(checkWeights(staff, GOAL_AREAS_2023).ok).toBe(true);
  });

  test("area names match regardless of case and surrounding spaces; unknown areas are listed", () => {
    const renamed = example.map((ind, i) =>
      i === 0 ? { ...ind, area: "  SAMHÄLLS- OCH MEDBORGARNYTTA " } : ind,
    );
    expect(checkWeights(renamed, GOAL_AREAS_2023).ok).toBe(true);
    const unknown = [...example, { area: "Okänt område", weight: 1 }];
    expect(checkWeights(unknown, GOAL_AREAS_2023).unknownAreas).toEqual([
      { index: example.length, area: "Okänt område" },
    ]);
  });

  test("refuses duplicate area names, non-positive points and a tolerance above 100 %", () => {
    expectDomainError(
      () => checkWeights(example, [...GOAL_AREAS_2023, { name: "jämlik samverkan", points: 5 }]),
      "invalid",
      "duplicateName",
    );
    expectDomainError(() => checkWeights(example, [{ name: "A", points: 0 }]), "invalid", "notPositive");
    expectDomainError(() => checkWeights(example, GOAL_AREAS_2023, 2), "invalid", "outOfRange");
  });
});
