import { normalise } from "../../src/sheet/vocabulary";

/** `normalise` remembers each distinct label (bounded): the same answers, first time or thousandth. */
test("a label normalises the same way however often it is read, past the memory's bound", () => {
  const labels = Array.from({ length: 20_000 }, (_, i) => `  –  Summa  KANSLI\u2013${i}  `);
  const first = labels.map(normalise);
  expect(first[7]).toBe("summa kansli-7");
  expect(labels.map(normalise)).toEqual(first);
  const long = `ÖVRIGA ${"kostnader ".repeat(100)}`;
  expect(normalise(long)).toBe(normalise(long.toLowerCase()));
  expect(normalise(long).startsWith("övriga kostnader kostnader")).toBe(true);
});
