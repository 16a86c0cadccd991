import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FunctionId } from "../../src/functions/catalog";
import { FUNCTIONS } from "../../src/functions/registry";
import { setLocale } from "../../src/i18n";
import { callExcel } from "../helpers/excel";

/**
 * The README's function table is documentation a person copies into Excel: each example is parsed as
 * Swedish Excel would read it (";" between arguments, "\" between columns of an array constant, decimal
 * comma, SANT/FALSKT) and must give the result the table shows.
 */
const root = join(__dirname, "..", "..");
const readme = readFileSync(join(root, "README.md"), "utf8");
const overlay = JSON.parse(readFileSync(join(root, "src/functions/locales/sv-SE.json"), "utf8")) as {
  functions: Record<string, { name: string }>;
};
const byId = FUNCTIONS;
const idBySwedishName = Object.fromEntries(
  Object.entries(overlay.functions).map(([id, f]) => [f.name, id as FunctionId]),
);

/** Splits at `sep` outside quotes and braces. */
function splitTop(text: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = "";
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && ch === "{") depth++;
    if (!quoted && ch === "}") depth--;
    if (!quoted && depth === 0 && ch === sep) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim());
}

function scalar(text: string): unknown {
  if (text === "SANT") return true;
  if (text === "FALSKT") return false;
  if (text.startsWith('"')) return text.slice(1, -1);
  const n = Number(text.replace(/\s/g, "").replace(",", "."));
  if (Number.isNaN(n)) throw new Error(`not a value: ${text}`);
  return n;
}

function argument(text: string): unknown {
  if (!text.startsWith("{")) return scalar(text);
  return splitTop(text.slice(1, -1), ";").map((rowText) => splitTop(rowText, "\\").map(scalar));
}

const rows = readme
  .split("\n")
  .filter((line) => line.startsWith("| `") && line.includes("=FINSAM."))
  .map((line) => {
    const formula = /`(=FINSAM\.[^`]+)`/.exec(line)?.[1] ?? "";
    const result = /`([^`]+)`[^`|]*\|\s*$/.exec(line)?.[1] ?? "";
    return { formula, result };
  });

describe("README function table", () => {
  beforeAll(() => setLocale("sv"));

  test("documents every function once", () => {
    expect(rows.map((r) => idBySwedishName[/=FINSAM\.([^(]+)\(/.exec(r.formula)?.[1] ?? ""]).sort()).toEqual(
      Object.keys(byId).sort(),
    );
  });

  test.each(rows.map((r) => [r.formula, r.result]))("%s gives %s", (formula, result) => {
    const m = /^=FINSAM\.([^(]+)\((.*)\)$/.exec(formula);
    expect(m).not.toBeNull();
    const id = idBySwedishName[m![1]];
    const value = callExcel(byId[id], splitTop(m![2], ";").map(argument));
    if (Array.isArray(value)) {
      expect(value.flat()).toEqual(result.split(";").map((v) => scalar(v.trim())));
    } else if (typeof value === "string") {
      expect(value).toBe(result);
    } else {
      expect(value).toEqual(scalar(result));
    }
  });
});
