import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { checkWorkbook, type Finding } from "../../src/checks";
import { parseAmountText } from "../../src/checks/cells";
import { addr, columnLetter } from "../../src/sheet/a1";
import type { SheetData } from "../../src/sheet/sheetData";
import { asTypedInSwedishExcel } from "../helpers/swedishExcel";

/**
 * The real corpus (test/fixtures/real): statements published by Swedish public bodies and English
 * spreadsheets, typed exactly as printed, each with a ground truth from the typist's own arithmetic
 * (CORPUS-FORMAT.md). Every table is checked two ways — as typed into Swedish Excel (what Excel takes as a
 * number becomes one) and as pasted (text kept) — and must give no error. Then copies with planted errors
 * of every class, whose ground truth the generator writes, must each be found, and nothing else.
 */
interface Cell {
  sheet: number;
  row: number;
  column: number;
}
interface Identity {
  kind: "sum" | "cross" | string;
  sheet?: number;
  row?: number;
  of?: number[];
  columns?: number[];
  a?: Cell;
  b?: Cell;
}
interface RealFile {
  id: string;
  language: string;
  unit: string | null;
  sheets: { name: string; kind: string; rows: string[][] }[];
  truth: { identities: Identity[]; publishedErrors: Cell[] };
}

/** How an English Excel stores a typed text: "1,234.5", "(1,234)" and "-1,234" become numbers. */
function asTypedInEnglishExcel(text: string): string | number {
  const t = text.trim().replace(/^\$\s*/, "");
  const m = /^(\(?)(-?)\$?\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(\)?)$/.exec(t);
  if (!m || (m[1] === "(") !== (m[5] === ")")) return text;
  const v = Number(`${m[3].replace(/,/g, "")}${m[4] ?? ""}`) * (m[1] || m[2] ? -1 : 1);
  return Number.isFinite(v) ? v : text;
}

type Mode = "typed" | "pasted";

function build(file: RealFile, mode: Mode): SheetData[] {
  const typed = file.language === "en" ? asTypedInEnglishExcel : asTypedInSwedishExcel;
  return file.sheets.map((s) => ({
    name: s.name,
    values: s.rows.map((r) => r.map((c) => (mode === "typed" ? typed(c) : c))),
  }));
}

/** A printed figure as the typist's arithmetic reads it. */
const figure = (text: string | undefined) => (text === undefined ? null : parseAmountText(text));

/** The decimals a printed figure shows. */
const decimals = (text: string) =>
  /[,.](\d+)\s*$/.exec(text.replace(/[-\u2010-\u2015\u2212) ]+$/, ""))?.[1].length ?? 0;

/** Does the file's own truth hold by the printed figures ((n + 1) / 2 units of the printed precision)? */
function truthHolds(file: RealFile): string | null {
  for (const id of file.truth.identities) {
    if (id.kind === "sum" && id.sheet !== undefined && id.row !== undefined && id.of && id.columns) {
      const rows = file.sheets[id.sheet]?.rows;
      if (!rows) return `sheet ${id.sheet} missing`;
      for (const c of id.columns) {
        // A total the source itself prints wrong (publishedErrors) is known not to hold.
        const known = file.truth.publishedErrors.some(
          (e) => e.sheet === id.sheet && e.row === id.row && e.column === c,
        );
        if (known) continue;
        const total = figure(rows[id.row]?.[c]);
        if (total === null) continue;
        const parts = id.of.map((r) => figure(rows[r]?.[c]) ?? 0);
        const step = 10 ** -Math.min(...[id.row, ...id.of].map((r) => decimals(rows[r]?.[c] ?? "")));
        const allowed = ((parts.length + 1) / 2) * step + 1e-6;
        const sum = parts.reduce((a, b) => a + b, 0);
        // The typist may have noted signs (a result = income − costs printed positive): either way is theirs.
        if (Math.abs(sum - total) > allowed && Math.abs(Math.abs(sum) - Math.abs(total)) > allowed)
          return `row ${id.row} column ${c}: ${sum} ≠ ${total}`;
      }
    }
  }
  return null;
}

interface Planted {
  cls: string;
  mode: Mode;
  sheets: SheetData[];
  /** Cells where a finding is the planted error ("Sheet!A1"). */
  accept: Set<string>;
}

const where = (sheets: SheetData[], c: Cell) => `${sheets[c.sheet].name}!${addr(c.row + 1, c.column + 1)}`;

/** The cells an auditor may point at for a changed figure: it, and every identity it takes part in. */
function acceptable(file: RealFile, sheets: SheetData[], c: Cell): Set<string> {
  const out = new Set([where(sheets, c)]);
  for (const id of file.truth.identities) {
    if (id.kind === "sum" && id.sheet === c.sheet && id.columns?.includes(c.column)) {
      const rows = [id.row!, ...(id.of ?? [])];
      if (rows.includes(c.row)) for (const r of rows) out.add(where(sheets, { ...c, row: r }));
    }
    if (id.kind === "cross" && id.a && id.b) {
      const hit = [id.a, id.b].some((x) => x.sheet === c.sheet && x.row === c.row && x.column === c.column);
      if (hit) for (const x of [id.a, id.b]) out.add(where(sheets, x));
    }
  }
  // A total across (columnSum: a column that adds other columns on the rows listed) is an identity too.
  for (const cell of [...out]) {
    const [sheetName, address] = cell.split("!");
    for (const id of file.truth.identities) {
      const across = id as Identity & { column?: number; rows?: number[]; minus?: number[] };
      if (id.kind !== "columnSum" || across.column === undefined || !across.rows) continue;
      const sheet = id.sheet ?? 0;
      if (sheets[sheet].name !== sheetName) continue;
      const columns = [across.column, ...(id.of ?? []), ...(across.minus ?? [])];
      for (const r of across.rows)
        if (columns.some((col) => addr(r + 1, col + 1) === address))
          for (const col of columns) out.add(where(sheets, { sheet, row: r, column: col }));
    }
  }
  // A changed total also breaks the identities it is a part of, and the cross checks of those.
  for (const cell of [...out]) {
    for (const id of file.truth.identities) {
      if (id.kind !== "cross" || !id.a || !id.b) continue;
      for (const x of [id.a, id.b])
        if (where(sheets, x) === cell) for (const y of [id.a, id.b]) out.add(where(sheets, y));
    }
  }
  return out;
}

const clone = (sheets: SheetData[]) => sheets.map((s) => ({ ...s, values: s.values.map((r) => [...r]) }));

/** A change well beyond rounding that no other line is likely to equal. */
const delta = (v: number) => Math.max(37, Math.round(Math.abs(v) * 0.031 + 11));

function plant(file: RealFile, seed: number): Planted[] {
  const out: Planted[] = [];
  const sums = file.truth.identities.filter(
    (i) => i.kind === "sum" && i.sheet !== undefined && i.row !== undefined && i.of && i.columns?.length,
  );
  if (sums.length === 0) return out;
  const pick = <T>(xs: T[], k: number) => xs[(seed * 7 + k * 13) % xs.length];
  const typed = build(file, "typed");
  const numeric = (sheets: SheetData[], c: Cell) =>
    typeof sheets[c.sheet].values[c.row]?.[c.column] === "number";

  // A wrong subtotal, and a wrong result (the last total of a table), each as typed and as pasted.
  const firstSum = pick(sums, 1);
  const lastSum = sums[sums.length - 1];
  for (const [cls, id] of [
    ["wrong subtotal", firstSum],
    ["wrong result", lastSum],
  ] as const) {
    for (const mode of ["typed", "pasted"] as Mode[]) {
      const sheets = build(file, mode);
      const c: Cell = { sheet: id.sheet!, row: id.row!, column: id.columns![0] };
      const text = file.sheets[c.sheet].rows[c.row][c.column];
      const v = figure(text);
      if (v === null) continue;
      const wrong = v + delta(v);
      sheets[c.sheet].values[c.row][c.column] = mode === "typed" ? wrong : String(wrong);
      out.push({ cls, mode, sheets, accept: acceptable(file, sheets, c) });
    }
  }

  // A wrong cross-statement figure.
  // A cell the source already prints wrong is no place to plant one (it is named before and after).
  const printedWrong = (c: Cell) =>
    file.truth.publishedErrors.some((e) => e.sheet === c.sheet && e.row === c.row && e.column === c.column);
  const cross = file.truth.identities.filter((i) => i.kind === "cross" && i.a && i.b && !printedWrong(i.b));
  if (cross.length > 0) {
    const id = pick(cross, 2);
    const sheets = clone(typed);
    const c = id.b!;
    const v = figure(file.sheets[c.sheet].rows[c.row][c.column]);
    if (v !== null) {
      sheets[c.sheet].values[c.row][c.column] = v + delta(v);
      out.push({
        cls: "wrong cross-statement figure",
        mode: "typed",
        sheets,
        accept: acceptable(file, sheets, c),
      });
    }
  }

  // A figure typed as text, and a #VALUE!, on a line of a sum.
  const line = (k: number): Cell | null => {
    const id = pick(sums, k);
    for (const r of id.of!)
      for (const column of id.columns!) {
        const c = { sheet: id.sheet!, row: r, column };
        if (numeric(typed, c) && typed[c.sheet].values[r][column] !== 0) return c;
      }
    return null;
  };
  const asText = line(3);
  if (asText) {
    const sheets = clone(typed);
    sheets[asText.sheet].values[asText.row][asText.column] = String(
      typed[asText.sheet].values[asText.row][asText.column],
    );
    out.push({
      cls: "figure typed as text",
      mode: "typed",
      sheets,
      accept: new Set([where(sheets, asText)]),
    });
  }
  const error = line(4);
  if (error) {
    const sheets = clone(typed);
    sheets[error.sheet].values[error.row][error.column] = "#VALUE!";
    out.push({ cls: "#VALUE!", mode: "typed", sheets, accept: new Set([where(sheets, error)]) });
  }

  // Totals as SUM formulas over their contiguous lines; one leaving out its first line; one typed over.
  const contiguous = sums.filter(
    (i) => i.of!.length >= 2 && i.of!.every((r, k) => k === 0 || r === i.of![k - 1] + 1),
  );
  if (contiguous.length > 0) {
    const withFormulas = () => {
      const sheets = clone(typed).map((s) => ({
        ...s,
        formulas: s.values.map((r) => r.map(() => null as string | null)),
      }));
      for (const id of contiguous)
        for (const column of id.columns!) {
          const col = columnLetter(column + 1);
          if (!numeric(sheets, { sheet: id.sheet!, row: id.row!, column })) continue;
          sheets[id.sheet!].formulas[id.row!][column] =
            `=SUM(${col}${id.of![0] + 1}:${col}${id.of![id.of!.length - 1] + 1})`;
        }
      return sheets;
    };
    out.push({ cls: "clean with formulas", mode: "typed", sheets: withFormulas(), accept: new Set() });
    const id = pick(contiguous, 5);
    const column = id.columns![0];
    if (
      numeric(typed, { sheet: id.sheet!, row: id.row!, column }) &&
      figure(file.sheets[id.sheet!].rows[id.of![0]][column])
    ) {
      const sheets = withFormulas();
      const col = columnLetter(column + 1);
      const s = sheets[id.sheet!];
      s.formulas[id.row!][column] = `=SUM(${col}${id.of![1] + 1}:${col}${id.of![id.of!.length - 1] + 1})`;
      const first = Number(s.values[id.of![0]][column]) || 0;
      s.values[id.row!][column] = Number(s.values[id.row!][column]) - first;
      out.push({
        cls: "SUM leaving out a line",
        mode: "typed",
        sheets,
        accept: acceptable(file, sheets, { sheet: id.sheet!, row: id.row!, column }),
      });

      const over = withFormulas();
      const o = over[id.sheet!];
      o.formulas[id.row!][column] = null;
      o.values[id.row!][column] =
        Number(o.values[id.row!][column]) + delta(Number(o.values[id.row!][column]));
      out.push({
        cls: "typed-over total",
        mode: "typed",
        sheets: over,
        accept: acceptable(file, over, { sheet: id.sheet!, row: id.row!, column }),
      });
    }
  }
  return out;
}

const key = (f: Finding) => `${f.sheet}!${f.cell}`;
const errorsOf = (sheets: SheetData[]) =>
  checkWorkbook(sheets).findings.filter((f) => f.severity === "error");

interface Row {
  file: string;
  recognised: string;
  tables: number;
  skipped?: string;
  falseClean: number;
  planted: number;
  found: number;
  falsePlanted: number;
  /** Errors the source itself prints, and of those the check names (typed). */
  published?: number;
  publishedFound?: number;
}
function corpus(title: string, dir: string, floor: { precision: number; recall: number }): void {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort();
  const stats = { precision: 1, recall: 1 };
  const table: Row[] = [];
  const misses: string[] = [];
  const falseAlarms: string[] = [];

  describe(title, () => {
    test.each(files)("%s", (name) => {
      const file = JSON.parse(readFileSync(join(dir, name), "utf8")) as RealFile;
      const broken = truthHolds(file);
      const row: Row = {
        file: file.id ?? name,
        recognised: "",
        tables: file.sheets.length,
        falseClean: 0,
        planted: 0,
        found: 0,
        falsePlanted: 0,
      };
      table.push(row);
      if (broken) {
        row.skipped = `truth does not hold: ${broken}`;
        return;
      }
      // An error the source itself prints may be named on its cell or on any cell of the identities it breaks.
      const typedSheets = build(file, "typed");
      const publishedAccept = file.truth.publishedErrors.map((c) => acceptable(file, typedSheets, c));
      const published = new Set(publishedAccept.flatMap((a) => [...a]));
      const clean = new Map<Mode, Set<string>>();
      for (const mode of ["typed", "pasted"] as Mode[]) {
        const sheets = build(file, mode);
        const result = checkWorkbook(sheets);
        const errors = result.findings.filter((f) => f.severity === "error");
        if (mode === "typed") {
          row.recognised = result.recognised.map((r) => r.kind).join("+") || "—";
          row.published = publishedAccept.length;
          row.publishedFound = publishedAccept.filter((a) => errors.some((f) => a.has(key(f)))).length;
        }
        const wrong = errors.filter((f) => !published.has(key(f)));
        row.falseClean += wrong.length;
        for (const f of wrong) falseAlarms.push(`${name} (${mode}) ${key(f)} ${f.code}`);
        clean.set(mode, new Set(errors.map(key)));
      }
      for (const p of plant(file, name.length)) {
        const before = clean.get(p.mode)!;
        const found = errorsOf(p.sheets).filter((f) => !before.has(key(f)));
        const right = found.filter((f) => p.accept.has(key(f)));
        if (p.accept.size > 0) {
          row.planted++;
          if (right.length > 0) row.found++;
          else misses.push(`${name}: ${p.cls} (${p.mode}) at ${[...p.accept][0]} not found`);
        }
        // A source's own error named on another cell of its identities is still that real error.
        const wrong = found.filter((f) => !p.accept.has(key(f)) && !published.has(key(f)));
        if (wrong.length > 0 && process.env.REAL_DEBUG === name)
          console.log(
            p.cls,
            p.mode,
            JSON.stringify(errorsOf(p.sheets).map((f) => [key(f), f.code, f.params])),
          );
        row.falsePlanted += wrong.length;
        for (const f of wrong) falseAlarms.push(`${name}: ${p.cls} (${p.mode}) ${key(f)} ${f.code}`);
      }
      expect(row.falseClean).toBe(0);
    });

    afterAll(() => {
      const sum = (k: "planted" | "found" | "falsePlanted" | "falseClean") =>
        table.reduce((a, r) => a + r[k], 0);
      const planted = sum("planted");
      const found = sum("found");
      const falsePlanted = sum("falsePlanted");
      const precision = found + falsePlanted === 0 ? 1 : found / (found + falsePlanted);
      const recall = planted === 0 ? 1 : found / planted;
      const lines = table.map(
        (r) =>
          `${r.file.padEnd(58)} ${r.recognised.padEnd(28)} false ${r.falseClean}  planted ${r.planted} found ${r.found} false ${r.falsePlanted}${r.published ? `  published ${r.published} found ${r.publishedFound}` : ""}${r.skipped ? `  SKIPPED: ${r.skipped}` : ""}`,
      );
      console.log(
        [
          `${title}: ${table.length} files, ${table.reduce((a, r) => a + r.tables, 0)} tables; false errors on clean tables ${sum("falseClean")}`,
          `planted ${planted}, found ${found}, false ${falsePlanted}: precision ${(100 * precision).toFixed(1)} %, recall ${(100 * recall).toFixed(1)} %`,
          `errors the sources print: ${table.reduce((a, r) => a + (r.published ?? 0), 0)}, named ${table.reduce((a, r) => a + (r.publishedFound ?? 0), 0)}`,
          ...lines,
          ...(misses.length ? ["misses:", ...misses] : []),
          ...(falseAlarms.length ? ["false alarms:", ...falseAlarms.slice(0, 200)] : []),
        ].join("\n"),
      );
      stats.precision = precision;
      stats.recall = recall;
    });
  });
  afterAll(() => {
    expect(stats.precision).toBeGreaterThanOrEqual(floor.precision);
    expect(stats.recall).toBeGreaterThanOrEqual(floor.recall);
  });
}

/**
 * The real corpus: the issue's bar is precision ≥ 98 % and recall 100 % on the planted errors; what the check
 * reaches today is held as a floor that may only rise (the table names every miss and every false alarm).
 * The foreign corpus (test/fixtures/foreign): published tables and real spreadsheets typed after the rules
 * were written, measured first as material the check had never seen — no false error on a clean table (each
 * test asserts it), and of what it reports on planted copies at least 95 % real; much of it is not read at
 * all (recall is printed; its floor keeps what is reached). REAL_DIR: measure another folder instead.
 */
const fixtures = (name: string) => join(__dirname, "..", "fixtures", name);
if (process.env.REAL_DIR) corpus("corpus", process.env.REAL_DIR, { precision: 0, recall: 0 });
else {
  corpus("real corpus", fixtures("real"), { precision: 0.99, recall: 1 });
  corpus("foreign corpus", fixtures("foreign"), { precision: 0.95, recall: 0.35 });
}
