import fc from "fast-check";
import { feeSplit, impactIndex } from "../../src/functions/functions";
import { invoke, REGISTRY, type FunctionEntry } from "../../src/functions/registry";

/** The invariants of the two functions a board report leans on, at the level Excel calls them. */
describe("properties of the custom functions", () => {
  test("FEESPLIT adds up exactly to its total and never gives a negative part", () => {
    const populations = fc
      .array(fc.nat({ max: 200_000 }), { minLength: 1, maxLength: 300 })
      .filter((p) => p.some((v) => v > 0));
    fc.assert(
      fc.property(
        populations,
        fc.nat({ max: 50_000_000 }),
        fc.integer({ min: 0, max: 2 }),
        (pops, units, decimals) => {
          const total = units / 10 ** decimals;
          const parts = feeSplit(
            pops.map((p) => [p]),
            total,
            decimals,
          ).flat();
          expect(parts).toHaveLength(pops.length);
          expect(Math.round(parts.reduce((a, b) => a + b, 0) * 10 ** decimals)).toBe(units);
          for (const part of parts) expect(part).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 400 },
    );
  });

  test("IMPACTINDEX is always within 0–100, whatever mix of TRUE/FALSE, shares and blanks", () => {
    const attainment = fc.oneof(
      fc.boolean(),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.constant(""),
      fc.constant(null),
    );
    const row = fc.tuple(fc.integer({ min: 1, max: 10 }), attainment);
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 200 }), fc.boolean(), (rows, partial) => {
        const index = impactIndex(
          rows.map(([w]) => [w]),
          rows.map(([, a]) => [a]),
          null as never,
          null,
          partial,
        );
        expect(index).toBeGreaterThanOrEqual(0);
        expect(index).toBeLessThanOrEqual(100);
      }),
      { numRuns: 400 },
    );
  });
});

describe("IMPACTINDEX's fast path (whole range) agrees with the general path (one goal area)", () => {
  const cell = fc.oneof(
    fc.integer({ min: -2, max: 12 }),
    fc.double({ min: -1, max: 2, noNaN: false }),
    fc.boolean(),
    fc.constant(null),
    fc.constant(""),
    fc.constantFrom("x", "1", 1e308, -0),
  );
  const grid = fc
    .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 3 }))
    .chain(([r, c]) =>
      fc.array(fc.array(cell, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }),
    );
  const outcome = (f: () => number) => {
    try {
      return { value: f() };
    } catch (e) {
      return { error: (e as Error).message };
    }
  };
  test("no weights at all: each path says so", () => {
    expect(outcome(() => impactIndex([[null]], [[null]]))).toEqual({ error: "Inga indikatorer med vikt." });
  });

  test("values and messages, 3 000 random ranges", () => {
    fc.assert(
      fc.property(grid, grid, fc.constantFrom(null, true, false), (w, a, partial) => {
        const area = a.map((row) => row.map(() => "Område"));
        const fast = outcome(() => impactIndex(w, a, null as never, null, partial));
        const general = outcome(() => impactIndex(w, a, area, "Område", partial));
        // With no weights at all, the general path names the area it looked in; otherwise they are the same.
        if ("error" in general && general.error === 'Inga indikatorer i målområdet "Område".')
          general.error = "Inga indikatorer med vikt.";
        expect(fast).toEqual(general);
      }),
      { numRuns: 3_000, seed: 7 },
    );
  });
});

describe("EQUITYCAP's fast path (one pass over the steps) agrees with the general path", () => {
  const entry = REGISTRY.EQUITYCAP as unknown as FunctionEntry;
  const outcome = (f: () => unknown) => {
    try {
      return { value: f() };
    } catch (e) {
      return { error: (e as Error).message };
    }
  };
  // Mostly well-formed staircases (rising limits, rates 0–1, maybe an open last step), with now and then a
  // blank row, a text, a rate above 1, a falling limit or an open step in the middle.
  const limit = fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 1, max: 30_000_000 }) },
    { weight: 1, arbitrary: fc.constantFrom(null, 0, -5, "7000000", 1e308, Number.NaN) },
  );
  const rate = fc.oneof(
    { weight: 8, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) },
    { weight: 1, arbitrary: fc.constantFrom(null, 1.5, -0.1, "0,2", true) },
  );
  const steps = fc.array(fc.tuple(limit, rate), { minLength: 0, maxLength: 8 }).map((rows) => {
    // Sort the numeric limits most of the time, so that many staircases are valid.
    const sorted = [...rows].sort((a, b) =>
      typeof a[0] === "number" && typeof b[0] === "number" ? a[0] - b[0] : 0,
    );
    return sorted.map(([l, r]) => [l, r]);
  });
  const base = fc.oneof(
    fc.integer({ min: 0, max: 40_000 }),
    fc.double({ min: -10, max: 40_000, noNaN: true }),
  );
  const unit = fc.constantFrom(undefined, null, 1, 1000, 0.5, 0, -1);

  test("values and messages, 3 000 random staircases", () => {
    fc.assert(
      fc.property(base, unit, steps, (b, u, s) => {
        const raw = [b, u, s];
        const fast = outcome(() => invoke(entry, raw));
        const general = outcome(() => invoke({ ...entry, fast: undefined }, raw));
        expect(fast).toEqual(general);
      }),
      { numRuns: 3_000, seed: 11 },
    );
  });

  test("the published case: 2 087,45 tkr for a base of 11 583 tkr, by the default and by given steps", () => {
    expect(invoke(entry, [11583, 1000, undefined])).toBeCloseTo(2087.45, 10);
    expect(
      invoke(entry, [
        11583,
        1000,
        [
          [7_000_000, 0.2],
          [15_000_000, 0.15],
        ],
      ]),
    ).toBeCloseTo(2087.45, 10);
  });
});
