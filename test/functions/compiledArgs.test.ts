import fc from "fast-check";
import { parsePositional } from "../../src/functions/args";
import { FUNCTION_IDS } from "../../src/functions/catalog";
import { excelCall } from "../../src/functions/excelError";
import { invoke, REGISTRY, type FunctionEntry } from "../../src/functions/registry";
import { callExcel } from "../helpers/excel";

/**
 * The per-call path (the parser compiled once per function, each function's fast path) against the
 * declared rules read one argument at a time (`parsePositional`, the reference): for any argument list a
 * sheet can give, every function answers the same value or the same Excel error with the same message.
 */
const cell = fc.oneof(
  fc.integer({ min: -3, max: 12 }),
  fc.constantFrom(0, 0.25, 0.5, 1, 1e308, -0, Number.NaN, Infinity),
  fc.boolean(),
  fc.constantFrom("", "  ", "A", "tio", "3"),
  fc.constant(null),
  fc.constant(undefined),
  fc.constant(new Error("#N/A")),
);
const range = fc
  .record({ rows: fc.integer({ min: 0, max: 4 }), columns: fc.integer({ min: 1, max: 3 }) })
  .chain(({ rows, columns }) =>
    fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), {
      minLength: rows,
      maxLength: rows,
    }),
  );
const argument = fc.oneof({ weight: 3, arbitrary: cell }, { weight: 1, arbitrary: range });

const reference = (entry: FunctionEntry, raw: unknown[]) =>
  excelCall(() => entry.run(parsePositional(entry.params, Object.keys(entry.params), raw)));

const same = (a: unknown, b: unknown) => {
  if (typeof a === "number" && typeof b === "number" && Number.isFinite(a)) expect(a).toBeCloseTo(b, 9);
  else expect(a).toEqual(b);
};

describe.each(FUNCTION_IDS)("%s", (id) => {
  const entry = REGISTRY[id] as unknown as FunctionEntry;
  const size = Object.keys(entry.params).length;

  it("answers as the declared rules on 3 000 argument lists", () => {
    fc.assert(
      fc.property(fc.array(argument, { minLength: 0, maxLength: size }), (raw) => {
        same(
          callExcel(() => invoke(entry, raw), []),
          callExcel(() => reference(entry, raw), []),
        );
      }),
      { numRuns: 3_000, seed: 23 },
    );
  });

  it("answers as the declared rules on single values", () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: size, maxLength: size }), (raw) => {
        same(
          callExcel(() => invoke(entry, raw), []),
          callExcel(() => reference(entry, raw), []),
        );
      }),
      { numRuns: 2_000, seed: 5 },
    );
  });
});
