import { digest, TextMap, TextSet } from "../../src/domain/textMap";
import * as F from "../../src/functions/functions";
import { MAX_CELL_TEXT } from "../../src/functions/messageBounds";
import { setLocale } from "../../src/i18n";
import { callExcel, col } from "../helpers/excel";

/**
 * Issue 20, point 5: the functions key area names by value without slowing down on long texts, and every
 * message is bounded — a list names its first five items and then how many more, a name from a cell is
 * quoted short, and no message is longer than an Excel cell shows.
 */
const long = (i: number, length = 20_000) => `${"Område ".repeat(length / 7)}${String(i).padStart(6, "0")}`;
const message = (result: unknown) =>
  typeof result === "string" ? result : (result as { message: string }).message;

afterEach(() => setLocale("sv"));

describe("TextMap", () => {
  it("tells apart long texts of one length that differ in one character, and finds equal ones built apart", () => {
    const map = new TextMap<number>();
    const texts = Array.from({ length: 300 }, (_, i) => long(i));
    expect(new Set(texts.map((t) => t.length)).size).toBe(1);
    texts.forEach((t, i) => map.set(t, i));
    map.set("kort", -1);
    expect(map.size).toBe(301);
    // The same text as a different string object: found by value.
    texts.forEach((t, i) => expect(map.get(t.slice(0, -6) + String(i).padStart(6, "0"))).toBe(i));
    expect(map.get(long(300))).toBeUndefined();
    expect(map.has(long(299))).toBe(true);
    expect(map.get("kort")).toBe(-1);
    map.set(texts[7], 70);
    expect(map.get(texts[7])).toBe(70);
    expect(map.size).toBe(301);
  });

  it("keys a long text by its length and every character", () => {
    const a = long(1);
    expect(digest(a)).toBe(digest(a.slice(0, -1) + "1"));
    expect(digest(a)).not.toBe(digest(a.slice(0, -1) + "2"));
    expect(digest("ab")).not.toBe(digest("ba"));
    const set = new TextSet().add(a).add(a);
    expect(set.size).toBe(1);
    expect(set.has(long(2))).toBe(false);
  });
});

describe("long area names", () => {
  const n = 400;
  const names = Array.from({ length: n }, (_, i) => long(i));

  it("IMPACTINDEX picks out one area among many long, distinct names", () => {
    const weights = col(...names.map((_, i) => 1 + (i % 10)));
    const reached = col(...names.map((_, i) => i % 2 === 0));
    const areas = col(...names);
    const i = 123;
    // Exactly one indicator has that area: reached or not, 100 or 0.
    expect(F.impactIndex(weights, reached, areas, names[i])).toBe(i % 2 === 0 ? 100 : 0);
    expect(F.impactIndex(weights, reached, areas, ` ${names[i + 2]} `)).toBe(0);
  });

  it("WEIGHTCHECK sums weights by long area names and quotes an unknown one short", () => {
    const areaNames = names.slice(0, 4);
    const areas = col(...names.slice(0, 4), names[4]);
    const weights = col(5, 5, 5, 5, 5);
    const result = message(callExcel(F.weightCheck, [areas, weights, col(...areaNames), col(1, 1, 1, 1)]));
    expect(result).toMatch(/^Okänt målområde: rad 5 \("Område Område/);
    expect(result.length).toBeLessThan(500);
    expect(result).toContain("…");
  });
});

describe("every message bounded", () => {
  it("WEIGHTCHECK names the first five bad weights, then how many more", () => {
    const count = 10_000;
    const areas = col(...Array.from({ length: count }, () => "A"));
    const weights = col(...Array.from({ length: count }, () => 11));
    const result = message(callExcel(F.weightCheck, [areas, weights, col("A"), col(1)]));
    expect(result).toBe(
      "Vikt ej heltal 1–10: rad 1 (11), rad 2 (11), rad 3 (11), rad 4 (11), rad 5 (11) och 9 995 till.",
    );
    setLocale("en");
    expect(message(callExcel(F.weightCheck, [areas, weights, col("A"), col(1)]))).toBe(
      "Weight not a whole number 1–10: row 1 (11), row 2 (11), row 3 (11), row 4 (11), row 5 (11) and 9,995 more.",
    );
  });

  it("WEIGHTCHECK lists at most five areas outside their share", () => {
    const areaNames = Array.from({ length: 12 }, (_, i) => `Område ${i}`);
    const areas = col(...areaNames.map((_, i) => areaNames[i === 0 ? 0 : 1]));
    const weights = col(...areaNames.map(() => 1));
    const result = message(
      callExcel(F.weightCheck, [areas, weights, col(...areaNames), col(...areaNames.map(() => 1))]),
    );
    expect(result).toMatch(/^Målområde utanför nominell andel ±5 %: .* och 6 till\.$/);
    expect(result.split(", ")).toHaveLength(5);
  });

  it("a text or name from a cell is quoted short in an error message", () => {
    const text = "x".repeat(100_000);
    const area = message(callExcel(F.impactIndex, [col(1), col(true), col("A"), text]));
    expect(area.length).toBeLessThan(200);
    expect(area).toContain("…");
    const duplicate = message(callExcel(F.weightCheck, [col("A"), col(5), col(text, text), col(1, 1)]));
    expect(duplicate.length).toBeLessThan(200);
    expect(duplicate).toMatch(/två gånger/);
  });

  it("a name with a line break is quoted on one line", () => {
    const result = message(callExcel(F.weightCheck, [col("A\nB"), col(5), col("C"), col(1)]));
    expect(result).toMatch(/^Okänt målområde: rad 1 \("A B"\)\. /);
  });

  it("no message is longer than a cell shows", () => {
    // Many unknown areas and many bad weights: still one cell's worth.
    const count = 50_000;
    const areas = col(...Array.from({ length: count }, (_, i) => `okänt ${i}`));
    const weights = col(...Array.from({ length: count }, () => 0.5));
    const areaNames = Array.from({ length: 200 }, (_, i) => `Område ${"x".repeat(300)} ${i}`);
    const result = message(
      callExcel(F.weightCheck, [areas, weights, col(...areaNames), col(...areaNames.map(() => 1))]),
    );
    expect(result.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
    expect(result).toMatch(/och 49 995 till\. Okänt målområde: .* och 49 995 till\.$/);
  });
});
