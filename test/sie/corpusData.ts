import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The corpus's expected outcomes, as test/fixtures/sie/generate.py summed them. */
export const DIR = join(__dirname, "../fixtures/sie");
interface Expected {
  basis: string;
  accounts: Record<string, number>;
}
interface ExpectedFile {
  companyName: string;
  orgNumber: string;
  year: [string, string];
  encoding: string;
  wholeYear: Expected;
  toApril: Expected;
  previousYear?: Expected;
  previousToApril?: Expected;
  yearMinus2?: Expected;
  map: { from: string; to: string; row: string }[];
  rowsKronor: Record<string, number>;
  resultOre: number;
  problem: unknown;
}
export const expected = JSON.parse(readFileSync(join(DIR, "expected.json"), "utf-8")) as Record<
  string,
  ExpectedFile
>;
