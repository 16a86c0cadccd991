import fc from "fast-check";
import { importFromSource, importRequest } from "../../src/population/import";
import { blankOptions } from "../../src/templates";

/**
 * Whatever a user pastes or picks as "the population file" — random text, random bytes, CSV-like grids with
 * any separator, JSON of any shape, JSON-stat with lying sizes — the import answers with populations or with
 * problems, never an exception and never a hang. Fixed seed; FUZZ_SEED=random explores.
 */
const seed = process.env.FUZZ_SEED === "random" ? Date.now() : 11;
const request = importRequest(
  {
    ...blankOptions(),
    municipalities: [{ name: "Umeå" }, { name: "Vindeln" }],
  },
  2024,
  new Date("2026-11-26"),
).request!;

const cell = fc.oneof(
  fc.constantFrom(
    "2480 Umeå",
    "2404 Vindeln",
    "Umeå",
    "region",
    "ålder",
    "kön",
    "2024",
    "20 år",
    "100+ år",
    "totalt ålder",
    "..",
    "",
    "män",
  ),
  fc.integer({ min: -5, max: 200_000 }).map(String),
  fc.string({ maxLength: 12 }),
);
const grid = fc
  .tuple(fc.constantFrom(",", ";", "\t"), fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 60 }))
  .map(([sep, rows]) => rows.map((r) => r.join(sep)).join("\n"));
const jsonStat = fc.record({
  version: fc.constant("2.0"),
  class: fc.constantFrom("dataset", "collection", "bundle", "x"),
  id: fc.array(fc.constantFrom("Region", "Alder", "Tid", "Kon", "ContentsCode"), { maxLength: 5 }),
  size: fc.array(fc.integer({ min: 0, max: 1e7 }), { maxLength: 5 }),
  dimension: fc.dictionary(fc.constantFrom("Region", "Alder", "Tid"), fc.anything(), { maxKeys: 3 }),
  value: fc.oneof(fc.array(fc.oneof(fc.integer(), fc.constant(null)), { maxLength: 50 }), fc.object()),
});
const input = fc.oneof(
  grid.map((text) => ({ text })),
  fc.string({ maxLength: 2000 }).map((text) => ({ text })),
  fc.uint8Array({ maxLength: 4000 }).map((bytes) => ({ bytes })),
  jsonStat.map((j) => ({ text: JSON.stringify(j) })),
  fc.anything().map((j) => ({ text: JSON.stringify(j) ?? "" })),
);

test("the import never throws and always answers, within a time per input", async () => {
  let answered = 0;
  let slowest = 0;
  await fc.assert(
    fc.asyncProperty(input, async (source) => {
      const started = Date.now();
      const result = await importFromSource(source, request, null);
      slowest = Math.max(slowest, Date.now() - started);
      expect(typeof result.ok).toBe("boolean");
      if (result.ok) for (const p of result.populations) expect(Number.isFinite(p.population)).toBe(true);
      else expect(result.problems.length).toBeGreaterThan(0);
      answered++;
    }),
    { numRuns: 2000, seed },
  );
  console.log(`population import fuzz: ${answered} inputs, slowest ${slowest} ms (seed ${seed})`);
  expect(slowest).toBeLessThan(2000);
}, 120_000);
