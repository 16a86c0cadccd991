import { memberFinancing, populationShares } from "../../src/domain/financing";
import { MUNICIPALITIES_2021, STATE_ALLOTMENT_2021 } from "../../src/examples/budget2021";
import { expectDomainError } from "../helpers/errors";

describe("memberFinancing", () => {
  test("2021: the region pays 2 845 tkr and the municipalities together exactly 2 845 tkr", () => {
    const result = memberFinancing(
      STATE_ALLOTMENT_2021,
      MUNICIPALITIES_2021.map((m) => m.share),
    );
    expect(result.region).toBe(2845);
    expect(result.municipalities.reduce((a, b) => a + b, 0)).toBe(2845);
    expect(result.municipalTotal).toBe(result.region);
    expect(result.memberTotal).toBe(11380);
    // 50 / 25 / 25
    expect(result.state / result.memberTotal).toBe(0.5);
    expect(result.region / result.memberTotal).toBe(0.25);
  });

  test("populations in persons give the same kind of split, in kronor with öre", () => {
    const result = memberFinancing(5_690_000, [82900, 5100, 4000, 2900, 3700, 1300], 2);
    expect(result.region).toBe(2_845_000);
    expect(Math.round(result.municipalities.reduce((a, b) => a + b, 0) * 100)).toBe(284_500_000);
  });

  test("an odd allotment at whole units: both halves rounded half up, still equal", () => {
    const result = memberFinancing(5691, [1, 1]);
    expect(result.region).toBe(2846);
    expect(result.municipalities).toEqual([1423, 1423]);
  });

  test("refuses a negative allotment and all-zero populations", () => {
    expectDomainError(() => memberFinancing(-1, [1]), "invalid", "negative");
    expectDomainError(() => memberFinancing(5690, [0, 0]), "invalid", "allZero");
  });
});

describe("populationShares", () => {
  test("normalises the printed 2021 shares by their sum (99,9 %)", () => {
    const shares = populationShares(MUNICIPALITIES_2021.map((m) => m.share));
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(shares[0]).toBeCloseTo(82.9 / 99.9, 12);
  });
});
