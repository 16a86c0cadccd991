import fc from "fast-check";
import { checkWorkbook } from "../../src/checks";

/**
 * The check reads whatever a user's workbook holds: random grids drawn from statement words, headers,
 * numbers from tiny to huge, text numbers, booleans, errors and blanks must give findings or nothing —
 * never a throw, never a hang, never a malformed finding.
 */
const WORDS = [
  "Intäkter",
  "Kostnader",
  "Summa",
  "Summa intäkter",
  "S:a kansli",
  "Totalt",
  "Totala kostnader",
  "Resultat",
  "Årets resultat",
  "Resultat före finansiella poster",
  "Finansiella intäkter",
  "varav hyra",
  "Sammanställning",
  "Utfall",
  "Utfall 2023",
  "Budget",
  "Budget helår",
  "Prognos",
  "Avvikelse",
  "Diff",
  "Summa 2005–2019",
  "Not",
  "Kommentar",
  "tkr",
  "Belopp i kronor",
  "mkr",
  "Eget kapital vid årets början",
  "Eget kapital vid årets slut",
  "Försäkringskassan",
  "Region X",
  "Umeå kommun",
  "finsam:statement",
  "finsam:sum",
  "finsam:result",
  "finsam:repeat",
  "finsam:heading",
  "1 234",
  "−1 234,5",
  "(99)",
  "#VALUE!",
  "",
  " ",
];
const cell = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.integer({ min: 1990, max: 2030 }),
  fc.integer({ min: -100_000, max: 100_000 }),
  fc.double({ noNaN: false }),
  fc.constantFrom(1e308, -1e308, 5e-324, -0, Number.NaN, Infinity),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 12 }),
);
const sheet = fc.record({
  name: fc.string({ minLength: 1, maxLength: 10 }),
  values: fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 40 }),
});

test("random sheets: findings or nothing, never a throw, a hang or a malformed finding", () => {
  fc.assert(
    fc.property(fc.array(sheet, { minLength: 1, maxLength: 3 }), (sheets) => {
      const started = Date.now();
      const { recognised, findings, notRead } = checkWorkbook(sheets);
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(Array.isArray(recognised) && Array.isArray(notRead)).toBe(true);
      for (const f of findings) {
        expect(f.cell).toMatch(/^[A-Z]{1,3}\d+$/);
        expect(["error", "warning"]).toContain(f.severity);
        for (const v of Object.values(f.params))
          if (typeof v === "number") expect(Number.isNaN(v)).toBe(false);
      }
    }),
    { numRuns: 1_500, seed: 8 },
  );
});
