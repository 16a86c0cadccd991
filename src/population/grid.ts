import { parseAge, type Age, type PopulationRecord } from "./records";

/**
 * A table as Statistikdatabasen saves it (CSV, xlsx) or as it is pasted: an optional title line, a heading
 * row naming the dimensions ("region", "civilstånd", "ålder", "kön") and then either one column per year
 * ("2023", "2024", "Folkmängd 2024", "män 2024") or a year column and a value column. Dimension cells left
 * blank under the first of a block (the xlsx layout) carry the value above. Footnotes are skipped.
 */
export type GridCell = string | number | null | undefined;

const REGION = /^(region|kommun|municipality|county|län)$/i;
const AGE = /^(ålder|age)$/i;
const YEAR = /^(år|year|tid|time|period)$/i;
const CONTENT = /^(tabellinnehåll|innehåll|contents|observations)$/i;
const VALUE = /^(folkmängd|population|antal|number|värde|value)$/i;
const CONTENT_WORDS = /\b(folkmängd|folkmängden|population|antal|number)\b/gi;
const A_YEAR = /\b(1[89]\d{2}|2[01]\d{2})\b/;

type Column =
  | { kind: "region" }
  | { kind: "age" }
  | { kind: "year" }
  | { kind: "content" }
  | { kind: "part" }
  | { kind: "value"; year: number | null; part: string; age?: Age };

export interface GridRead {
  records: PopulationRecord[];
  title: string | null;
  problem: string | null;
}

const text = (c: GridCell) => (c === null || c === undefined ? "" : String(c).trim());

export function readGrid(rows: readonly (readonly GridCell[])[]): GridRead {
  const headerAt = rows.findIndex((r, i) => i < 50 && r.some((c) => REGION.test(text(c))));
  if (headerAt < 0) return { records: [], title: null, problem: "ingen rubrikrad med region eller kommun" };
  const header = rows[headerAt].map(text);
  const title =
    rows
      .slice(0, headerAt)
      .map((r) => r.map(text).join(" ").trim())
      .find(Boolean) ?? null;
  const columns = header.map((h): Column => {
    if (REGION.test(h)) return { kind: "region" };
    if (AGE.test(h)) return { kind: "age" };
    if (YEAR.test(h)) return { kind: "year" };
    if (CONTENT.test(h)) return { kind: "content" };
    // Ages laid out across ("20 år", "21 år" … with the year in a column or the title).
    const across = /(^|[\s\d])år(\s|$)|ålder|years?\b|\bage\b|\+/i.test(h)
      ? parseAge(h.replace(A_YEAR, "").trim())
      : null;
    if (across && across.kind !== "unknown") {
      const y = A_YEAR.exec(h.replace(/^\d{1,3}\s*\+?\s*år/i, ""));
      return { kind: "value", year: y ? Number(y[1]) : null, part: "", age: across };
    }
    const year = A_YEAR.exec(h);
    if (year)
      return {
        kind: "value",
        year: Number(year[1]),
        part: h.replace(A_YEAR, "").replace(CONTENT_WORDS, "").replace(/\s+/g, " ").trim(),
      };
    if (VALUE.test(h)) return { kind: "value", year: null, part: "" };
    return { kind: "part" };
  });
  const values = columns.flatMap((c, i) => (c.kind === "value" ? [i] : []));
  const agesAcross = values.some((i) => (columns[i] as { age?: Age }).age);
  if (!columns.some((c) => c.kind === "age") && !agesAcross)
    return { records: [], title, problem: "ingen kolumn för ålder (tabellen ska ha ettåriga åldersklasser)" };
  if (values.length === 0) return { records: [], title, problem: "inga kolumner med år eller värden" };
  const yearColumn = columns.findIndex((c) => c.kind === "year");
  // With the year in neither a column nor the headings, one year named in the title is the table's year.
  const titleYears = [...(title ?? "").matchAll(new RegExp(A_YEAR.source, "g"))].map((m) => Number(m[1]));
  const titleYear = titleYears.length === 1 ? titleYears[0] : null;
  if (
    values.some((i) => (columns[i] as { year: number | null }).year === null) &&
    yearColumn < 0 &&
    titleYear === null
  )
    return { records: [], title, problem: "ingen kolumn för år" };

  const records: PopulationRecord[] = [];
  const carried: string[] = header.map(() => "");
  for (let r = headerAt + 1; r < rows.length; r++) {
    const row = rows[r];
    const figures = values.map((i) => parseFigure(row[i]));
    if (figures.every((f) => f === undefined)) continue; // blank line, footnote
    const dims = columns.map((c, i) => {
      if (c.kind === "value") return "";
      const t = text(row[i]);
      if (t !== "") carried[i] = t;
      return carried[i];
    });
    const region = dims[columns.findIndex((c) => c.kind === "region")];
    const ageColumn = columns.findIndex((c) => c.kind === "age");
    const rowAge = ageColumn >= 0 ? parseAge(dims[ageColumn]) : null;
    const content = columns.findIndex((c) => c.kind === "content");
    if (content >= 0 && !/folkmängd|population|BE0101N1/i.test(dims[content])) continue;
    const parts = columns.flatMap((c, i) => (c.kind === "part" ? [dims[i]] : []));
    values.forEach((i, k) => {
      const column = columns[i] as { year: number | null; part: string; age?: Age };
      const year =
        column.year ??
        (yearColumn >= 0
          ? Number(A_YEAR.exec(dims[yearColumn])?.[1] ?? Number.NaN)
          : (titleYear ?? Number.NaN));
      const age = column.age ?? rowAge ?? { kind: "unknown" as const, text: "" };
      if (!Number.isFinite(year) || figures[k] === undefined) return;
      records.push({
        region,
        age,
        year,
        parts: column.part ? [...parts, column.part] : parts,
        value: figures[k] ?? null,
        where: `rad ${r + 1}`,
      });
    });
  }
  return { records, title, problem: records.length === 0 ? "inga rader med befolkningstal" : null };
}

/** A figure: a number, "12 345", ".." (missing → null); undefined when the cell holds no figure at all. */
function parseFigure(cell: GridCell): number | null | undefined {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : null;
  const t = text(cell);
  if (t === "") return undefined;
  if (/^(\.\.|…|-|–)$/.test(t)) return null;
  const n = t.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  return /^-?\d+(\.\d+)?$/.test(n) ? Number(n) : undefined;
}
