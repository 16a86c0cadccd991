/**
 * The follow-up's commands (see cli.ts):
 *   finsam outcome FILE.se [--months N] [--map FILE.xlsx] [--out FILE.xlsx [--exempel]] [--json]
 *   finsam budget-sie IN.xlsx --year YYYY --out FILE.se [--profile w1,…,w12] [--map FILE.xlsx]
 * Exit codes of outcome: 0 read and every account on a row, reconciled to the file's result; 1 read, but
 * accounts no row holds (listed) or rows the sheet lacks; 2 the file cannot be read, is not SIE, or the
 * arguments are wrong. Exit codes of budget-sie: 0 every budget line placed on an account; 1 written, but
 * lines not placed (listed); 2 cannot read the workbook, no budget for the year, or wrong arguments.
 */
import { writeFile } from "node:fs/promises";
import { basename } from "node:path";
import type { Messages } from "../i18n";
import { formatNumber } from "../i18n";
import type { SheetData } from "../sheet/sheetData";
import { DEFAULT_ACCOUNT_MAP, type MapRange } from "../sie/accountMap";
import { accountMapOf, planImport, readOutcome } from "../sie/importOutcome";
import { applyToSpec, specSheetData } from "./specFill";
import { SIE_LIMITS } from "../sie/parse";
import { budgetToSie, readBudgetYear } from "../sie/write";
import { BLANK_OPTIONS, EXAMPLE_OPTIONS, TEMPLATES } from "../templates";
import { readBounded } from "./boundedFile";
import { oneLine } from "./oneLine";
import { readWorkbookFile, writeReason } from "./workbookFile";
import type { Io } from "./cli";

/* eslint-disable @typescript-eslint/no-require-imports */
const xlsxWriter = async (): Promise<typeof import("../workbook/xlsx/xlsxWriter")> =>
  require("../workbook/xlsx/xlsxWriter");
/* eslint-enable @typescript-eslint/no-require-imports */

type Flags = Record<string, string | true>;
const kr = (ore: number, locale: "sv" | "en") => formatNumber(Math.round(ore) / 100, locale);
const iso = (d: string) => `${d.slice(0, 4)}-${d.slice(4, 6)}${d.length > 6 ? `-${d.slice(6, 8)}` : ""}`;

/** A reason already in the catalogue's words (any other error is a fault of ours, never shown as it is). */
class WordedError extends Error {}

/** Reads a workbook the one way the command line does; throws a worded reason. */
async function readWorkbook(file: string, t: Messages): Promise<SheetData[]> {
  const read = await readWorkbookFile(file, t);
  if ("refused" in read) throw new WordedError(read.refused);
  return read.sheets;
}

async function mapFrom(flags: Flags, t: Messages, io: Io): Promise<readonly MapRange[] | null> {
  if (typeof flags.map !== "string") return null;
  const sheets = await readWorkbook(flags.map, t);
  const found = accountMapOf(sheets);
  for (const p of found.problems) io.err(t.sie.mapProblem(p.cell, p.text));
  return found.sheet ? found.map : null;
}

export async function outcomeCommand(
  file: string | undefined,
  flags: Flags,
  t: Messages,
  io: Io,
): Promise<number> {
  if (!file) {
    io.err(`${t.sie.missingFile}\n${t.cli.usage}`);
    return 2;
  }
  const months = flags.months === undefined ? undefined : Number(flags.months);
  if (months !== undefined && !(Number.isInteger(months) && months >= 1 && months <= 24)) {
    io.err(t.sie.pane.badMonths);
    return 2;
  }
  let read;
  let map: readonly MapRange[] | null;
  try {
    // Bounded whatever the file is (a pipe or /dev/zero too): at most the limit + 1 bytes are read.
    const bytes = await readBounded(file, SIE_LIMITS.bytes);
    if ("refusal" in bytes) {
      const r = bytes.refusal;
      io.err(
        t.cli.cannotRead(
          oneLine(file),
          r.reason === "tooBigFile"
            ? t.sie.problem({ kind: "tooLarge", size: r.size, limit: SIE_LIMITS.bytes })
            : t.refused[r.reason](r as never),
        ),
      );
      return 2;
    }
    read = readOutcome(bytes.data, months);
    map = await mapFrom(flags, t, io);
  } catch (error) {
    io.err(t.cli.cannotRead(oneLine(file), error instanceof WordedError ? error.message : t.cli.readFault));
    return 2;
  }
  if (!read.ok) {
    io.err(t.cli.cannotRead(file, t.sie.problem(read.problem)));
    return 2;
  }
  const { file: sie, outcome } = read.read;
  const usedMap = map ?? DEFAULT_ACCOUNT_MAP;
  // The Budget template (blank or the example) is the sheet the outcome goes to: its rows are the map's targets.
  const spec = TEMPLATES.budget(flags.exempel ? EXAMPLE_OPTIONS : BLANK_OPTIONS);
  const planned = planImport(read.read, basename(file), [specSheetData(spec, "outcome")], usedMap);
  if (!planned.ok) {
    io.err(t.cli.cannotRead(file, t.sie.problem(planned.problem)));
    return 2;
  }
  const { mapped, plan } = planned.plan;
  const locale = t.locale as "sv" | "en";
  if (typeof flags.out === "string") {
    const { templatesToXlsx } = await xlsxWriter();
    const { buffer } = await templatesToXlsx([applyToSpec(spec, "outcome", plan)]);
    try {
      await writeFile(flags.out, buffer);
    } catch (error) {
      io.err(t.cli.cannotWrite(oneLine(flags.out), writeReason(error, t)));
      return 2;
    }
  }
  const problems = mapped.unmapped.length + plan.unplaced.length;
  if (flags.json) {
    io.out(
      JSON.stringify(
        {
          file,
          companyName: sie.companyName,
          orgNumber: sie.orgNumber,
          year: { start: iso(outcome.year.start), end: iso(outcome.year.end) },
          period: {
            from: iso(outcome.from),
            to: iso(outcome.to),
            months: outcome.months,
            basis: outcome.basis,
          },
          map: map ? "workbook" : "default",
          unit: "kr",
          rows: mapped.rows.map((r) => ({ row: r.row, amount: r.ore / 100, accounts: r.accounts })),
          unmapped: mapped.unmapped.map((u) => ({ ...u, amount: u.ore / 100, ore: undefined })),
          unplacedRows: plan.unplaced.map((u) => ({ row: u.row, amount: u.ore / 100 })),
          result: mapped.result / 100,
          mapped: mapped.mapped / 100,
          unmappedTotal: mapped.unmappedTotal / 100,
          reconciled: problems === 0,
        },
        null,
        2,
      ),
    );
  } else {
    io.out(t.sie.header(sie.companyName, sie.orgNumber, iso(outcome.year.start), iso(outcome.year.end)));
    io.out(t.sie.period(iso(outcome.from), iso(outcome.to), outcome.months, t.sie.basis[outcome.basis]));
    if (!map) io.out(t.sie.defaultMap);
    for (const r of mapped.rows) if (r.ore !== 0) io.out(t.sie.row(r.row, kr(r.ore, locale)));
    for (const u of mapped.unmapped) io.out(t.sie.unmapped(u.account, u.name, kr(u.ore, locale)));
    for (const u of plan.unplaced) io.out(t.sie.unplaced(u.row, kr(u.ore, locale)));
    io.out(
      t.sie.result(kr(mapped.result, locale), kr(mapped.mapped, locale), kr(mapped.unmappedTotal, locale)),
    );
    io.out(problems === 0 ? t.sie.reconciled : t.sie.notReconciled(mapped.unmapped.length));
    if (typeof flags.out === "string") io.out(t.sie.written(flags.out));
  }
  return problems === 0 ? 0 : 1;
}

export async function budgetSieCommand(
  file: string | undefined,
  flags: Flags,
  t: Messages,
  io: Io,
): Promise<number> {
  const year = Number(flags.year);
  if (!file || !Number.isInteger(year) || year < 1900 || year > 2200 || typeof flags.out !== "string") {
    io.err(`${t.sie.missingBudgetArgs}\n${t.cli.usage}`);
    return 2;
  }
  let profile: number[] | undefined;
  if (typeof flags.profile === "string") {
    profile = flags.profile.split(",").map((w) => Number(w.trim()));
    if (
      profile.length !== 12 ||
      profile.some((w) => !Number.isFinite(w) || w < 0) ||
      profile.every((w) => w === 0)
    ) {
      io.err(t.sie.badProfile);
      return 2;
    }
  }
  let sheets: SheetData[];
  let map: readonly MapRange[] | null;
  try {
    sheets = await readWorkbook(file, t);
    map = (await mapFrom(flags, t, io)) ?? (accountMapOf(sheets).sheet ? accountMapOf(sheets).map : null);
  } catch (error) {
    io.err(t.cli.cannotRead(oneLine(file), error instanceof WordedError ? error.message : t.cli.readFault));
    return 2;
  }
  const budget = readBudgetYear(sheets, year);
  if (!budget) {
    io.err(t.sie.noBudgetYear(year));
    return 2;
  }
  if (!map) io.out(t.sie.defaultMap);
  const title = sheets.find((s) => s.name === budget.sheet)?.values[1]?.[0];
  const written = budgetToSie({
    companyName: typeof title === "string" ? title : "",
    year,
    unit: budget.unit,
    lines: budget.lines,
    map: map ?? DEFAULT_ACCOUNT_MAP,
    profile,
  });
  try {
    await writeFile(flags.out, written.bytes);
  } catch (error) {
    io.err(t.cli.cannotWrite(oneLine(flags.out), writeReason(error, t)));
    return 2;
  }
  io.out(t.sie.budgetPlaced(written.placed.length, flags.out));
  for (const u of written.unplaced) io.out(t.sie.budgetUnplaced(u.row, u.reason));
  return written.unplaced.length === 0 ? 0 : 1;
}
