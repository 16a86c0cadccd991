import type { AgeBand } from "./ageBands";
import { resolveMunicipality, type Municipality } from "./municipalities";

/**
 * One cell of SCB's population table, whatever file it came from: the region as written, the age class, the
 * year, the labels of the other dimensions (sex, marital status …) and the figure. The key is then the sum,
 * per member, of the one-year age classes of the band over every combination of the other dimensions — never
 * a published total: from reference year 2025 SCB perturbs every cell (the Cell Key Method), so a total is no
 * longer the sum of its parts.
 */
export type Age =
  | { kind: "year"; n: number; open: boolean }
  | { kind: "total" }
  | { kind: "group"; text: string }
  | { kind: "unknown"; text: string };

export interface PopulationRecord {
  region: string;
  age: Age;
  year: number;
  parts: string[];
  value: number | null;
  /** Where in the file, for messages: "rad 12" or "värde 345". */
  where: string;
}

export type KeyProblem =
  | { kind: "memberMissing"; member: string }
  | { kind: "yearMissing"; year: number; years: number[] }
  | { kind: "agesMissing"; member: string; ages: number[] }
  | { kind: "cellsMissing"; member: string; ages: number[]; example: string }
  | { kind: "doubled"; member: string; age: number; where: string }
  | { kind: "valueMissing"; member: string; age: number; where: string }
  | { kind: "badFigure"; member: string; age: number; where: string; value: number }
  | { kind: "memberTwice"; member: string }
  | { kind: "notPopulation"; detail: string }
  | { kind: "tooLarge"; size: number; limit: number }
  | { kind: "unreadable"; detail: string };

export interface MemberPopulation {
  code: string;
  name: string;
  population: number;
  /** How many of the file's cells were added up. */
  cells: number;
}

export interface KeyResult {
  populations: MemberPopulation[];
  problems: KeyProblem[];
}

/**
 * The most persons one cell of the table can count (one municipality, one age, one sex and marital status):
 * Sweden's largest municipality has under a million inhabitants in all. A figure above it, a negative or
 * fractional one, or one that is not finite is no head count: the import is refused with the cell named.
 */
export const MAX_PERSONS_PER_CELL = 1_000_000;

export function isHeadCount(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= MAX_PERSONS_PER_CELL;
}

const TOTAL = /^(totalt?|total|tot|samtliga|alla|båda könen|män och kvinnor|both sexes|all)(\s.*)?$/i;

/** "20 år", "20", "100+ år", "100+ years" → a one-year class; "totalt ålder", "tot" → total; "20-24 år" → group. */
export function parseAge(text: string): Age {
  const t = text.trim();
  const one = /^(\d{1,3})\s*(\+)?\s*(år|years?|year)?$/i.exec(t);
  if (one) return { kind: "year", n: Number(one[1]), open: Boolean(one[2]) };
  if (/^\d{1,3}\s*[-–]\s*\d{1,3}/.test(t) || /^\d{1,3}\s*(år|years?)?\s*(och äldre|and over|-)\s*$/i.test(t))
    return { kind: "group", text: t };
  if (TOTAL.test(t)) return { kind: "total" };
  return { kind: "unknown", text: t };
}

export function isTotalLabel(text: string): boolean {
  return TOTAL.test(text.trim());
}

/**
 * Sums the band per member for one year. Every problem is reported (a member or the year missing, an age
 * class missing or given twice, a figure missing); the caller changes nothing unless there are none.
 */
export function sumBand(
  records: readonly PopulationRecord[],
  members: readonly Municipality[],
  band: AgeBand,
  year: number,
): KeyResult {
  const problems: KeyProblem[] = [];
  const seenMember = new Set<string>();
  for (const m of members) {
    if (seenMember.has(m.code)) problems.push({ kind: "memberTwice", member: m.name });
    seenMember.add(m.code);
  }
  const years = [...new Set(records.map((r) => r.year))].sort((a, b) => a - b);
  if (!years.includes(year)) {
    problems.push({ kind: "yearMissing", year, years });
    return { populations: [], problems };
  }
  const resolved = new Map<string, Municipality | null>();
  const codeOf = (region: string) => {
    if (!resolved.has(region)) resolved.set(region, resolveMunicipality(region));
    return resolved.get(region)?.code ?? null;
  };
  const wanted = new Set(members.map((m) => m.code));
  const inBand = records.filter(
    (r) =>
      r.year === year &&
      r.age.kind === "year" &&
      !r.age.open &&
      r.age.n >= band.from &&
      r.age.n <= band.to &&
      wanted.has(codeOf(r.region) ?? ""),
  );
  const cells = dropTotals(inBand);
  const populations: MemberPopulation[] = [];
  for (const m of members) {
    const own = cells.filter((r) => codeOf(r.region) === m.code);
    if (own.length === 0) {
      problems.push({ kind: "memberMissing", member: m.name });
      continue;
    }
    const seen = new Map<string, string>();
    const ages = new Set<number>();
    let sum = 0;
    let complete = true;
    for (const r of own) {
      const n = (r.age as { n: number }).n;
      const key = `${n}\u0001${r.parts.join("\u0001")}`;
      if (seen.has(key)) {
        problems.push({ kind: "doubled", member: m.name, age: n, where: r.where });
        complete = false;
      }
      seen.set(key, r.where);
      ages.add(n);
      if (r.value === null) {
        problems.push({ kind: "valueMissing", member: m.name, age: n, where: r.where });
        complete = false;
      } else if (!isHeadCount(r.value)) {
        problems.push({ kind: "badFigure", member: m.name, age: n, where: r.where, value: r.value });
        complete = false;
      } else sum += r.value;
    }
    const missing: number[] = [];
    for (let a = band.from; a <= band.to; a++) if (!ages.has(a)) missing.push(a);
    if (missing.length > 0) problems.push({ kind: "agesMissing", member: m.name, ages: missing });
    // Every age must have every combination of the other dimensions the member has (both sexes, every status).
    const gaps = incomplete(own);
    if (gaps) problems.push({ kind: "cellsMissing", member: m.name, ...gaps });
    if (complete && missing.length === 0 && !gaps)
      populations.push({ code: m.code, name: m.name, population: sum, cells: own.length });
  }
  return { populations, problems };
}

/** The ages that lack a combination of sex, marital status … that other ages of the same member have. */
function incomplete(own: PopulationRecord[]): { ages: number[]; example: string } | null {
  const combos = new Set(own.map((r) => r.parts.join(", ")));
  const byAge = new Map<number, Set<string>>();
  for (const r of own) {
    const n = (r.age as { n: number }).n;
    if (!byAge.has(n)) byAge.set(n, new Set());
    byAge.get(n)!.add(r.parts.join(", "));
  }
  const ages = [...byAge].filter(([, seen]) => seen.size < combos.size).map(([n]) => n);
  if (ages.length === 0) return null;
  const seen = byAge.get(ages[0])!;
  const example = [...combos].find((c) => !seen.has(c)) ?? "";
  return { ages: ages.sort((a, b) => a - b), example };
}

/**
 * Where a dimension (sex, marital status) has both parts and a total, only the parts are added: a total
 * would count everyone twice, and is perturbed on its own.
 */
function dropTotals(records: PopulationRecord[]): PopulationRecord[] {
  const width = records.reduce((w, r) => Math.max(w, r.parts.length), 0);
  const dropAt: boolean[] = [];
  for (let i = 0; i < width; i++) {
    let total = false;
    let part = false;
    for (const r of records) {
      const label = r.parts[i] ?? "";
      if (label === "") continue;
      if (isTotalLabel(label)) total = true;
      else part = true;
      if (total && part) break;
    }
    dropAt.push(total && part);
  }
  return records.filter((r) => r.parts.every((label, i) => !(dropAt[i] && isTotalLabel(label))));
}
