import fc from "fast-check";
import { parsePositional } from "../../src/functions/args";
import { excelCall } from "../../src/functions/excelError";
import { invoke, REGISTRY } from "../../src/functions/registry";
import { callExcel } from "../helpers/excel";

/**
 * IMPACTINDEX reads the cells itself (no per-row allocation); the declared rules are the reference. For any
 * arguments a sheet can hold — numbers, booleans, texts, blanks, error cells, ragged or mismatched ranges, an
 * area or none — both give the same value, or the same Excel error with the same message.
 */
const entry = REGISTRY.IMPACTINDEX;
const declared = (raw: unknown[]) =>
  excelCall(() => entry.run(parsePositional(entry.params, Object.keys(entry.params), raw)));

const cell = fc.oneof(
  fc.integer({ min: -2, max: 12 }),
  fc.constantFrom(0, 0.5, 1, 1e308, -0),
  fc.boolean(),
  fc.constantFrom("", "  ", "A", "a ", "B", "tio", "Område  1"),
  fc.constant(null),
  fc.constant(new Error("#N/A")),
);
const range = (rows: number, columns: number) =>
  fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows });
const args = fc
  .record({
    rows: fc.integer({ min: 0, max: 6 }),
    columns: fc.integer({ min: 1, max: 2 }),
    other: fc.integer({ min: 0, max: 6 }),
  })
  .chain(({ rows, columns, other }) =>
    fc.tuple(
      range(rows, columns),
      fc.oneof(range(rows, columns), range(other, columns)),
      fc.oneof(fc.constant(null), range(rows, columns), range(other, 1)),
      fc.constantFrom(null, "A", "a", " B ", "C", 3, [["A"]], [["A", "B"]]),
      fc.constantFrom(null, true, false, 1, 0, "ja"),
    ),
  );

test("the direct read and the declared rules agree on 20 000 argument lists", () => {
  fc.assert(
    fc.property(args, (raw) => {
      const fast = callExcel(() => invoke(entry, raw), []);
      const slow = callExcel(() => declared(raw), []);
      if (typeof fast === "number" && typeof slow === "number") expect(fast).toBeCloseTo(slow, 9);
      else expect(fast).toEqual(slow);
    }),
    { numRuns: 20_000, seed: 7 },
  );
});
