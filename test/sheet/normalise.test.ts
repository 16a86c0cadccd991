import fc from "fast-check";
import { normalise } from "../../src/sheet/vocabulary";
import { textOf } from "../helpers/random";

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

/**
 * Most labels are plain (words between single spaces) and only need lower case; the rest go through every
 * step. For any text over an alphabet of the characters each step looks at, both ways give the same key as
 * the steps written out one after the other.
 */
test("the plain-label shortcut gives the key every step gives", () => {
  const steps = (text: string) =>
    text
      .trim()
      .replace(/^[-\u2013\u2022*]\s+/, "")
      .replace(/[\u2010-\u2015\u2212]/g, "-")
      .replace(/\s+/g, " ")
      .toLowerCase();
  const pieces = [
    ..."aBåÖéß1*-\u2013\u2212\u2022\u2010".split(""),
    " ",
    "  ",
    "\t",
    "\n",
    "\u00a0",
    "\u202f",
  ];
  fc.assert(
    fc.property(textOf(pieces, 14), (text) => expect(normalise(text)).toBe(steps(text))),
    { numRuns: 20_000, seed: 20 },
  );
});
