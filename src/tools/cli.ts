/**
 * finsam: the templates and the workbook check without Excel.
 *   finsam export --template budget|avgifter|socialbudget|impactindex|arsbokslut|uppfoljning|alla [--exempel] [--out FILE.xlsx]
 *   finsam check FILE.xlsx [--json]
 *   finsam next-budget FILE.xlsx [--out NEW.xlsx] [--tilldelning TKR] [--index PERCENT]
 * Exit codes of check: 0 no errors (warnings allowed), 1 errors found, 2 the file cannot be read,
 * 3 nothing in the file was recognised (so nothing was checked: not the same as "all correct").
 *   finsam outcome FILE.se [--months N] [--map FILE.xlsx] [--out FILE.xlsx [--exempel]] [--json]
 *   finsam budget-sie IN.xlsx --year YYYY --out FILE.se [--profile w1,…,w12] [--map FILE.xlsx]
 * Their exit codes are in sieCommands.ts (0 all placed, 1 some accounts or rows not placed, 2 cannot read).
 */
import "../i18n/all"; // the command line has no first screen to keep small: both languages at hand
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { checkWorkbook } from "../checks";
import { messages, setLocale, type Locale, type Messages } from "../i18n";
import { formatNumber } from "../i18n/format";
import { BLANK_OPTIONS, EXAMPLE_OPTIONS, TEMPLATE_IDS, TEMPLATES, type TemplateId } from "../templates";
// The .xlsx writer and reader (ExcelJS, and the engine behind the export) load only when a command needs
// them, so `finsam --help` starts without them. A require (not import()) works the same from the bundle, from
// tsx and in jest.
/* eslint-disable @typescript-eslint/no-require-imports */
const xlsxWriter = async (): Promise<typeof import("../workbook/xlsx/xlsxWriter")> =>
  require("../workbook/xlsx/xlsxWriter");

/* eslint-enable @typescript-eslint/no-require-imports */
import { readNoteText as noteText } from "../workbook/readNotes";
import { readWorkbookFile, writeReason } from "./workbookFile";
import { oneLine } from "./oneLine";
import { budgetSieCommand, outcomeCommand } from "./sieCommands";
import { nextBudgetFrom } from "../templates/nextBudgetFrom";
import { parseSwedishNumber } from "../taskpane/validateOptions";

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

export async function main(
  argv: string[],
  io: Io = { out: (l) => console.log(l), err: (l) => console.error(l) },
): Promise<number> {
  const args = parse(argv);
  const locale: Locale = args.flags.lang === "en" ? "en" : "sv";
  setLocale(locale);
  const t = messages(locale);
  const [command, ...rest] = args.positional;
  if (args.flags.help || !command) {
    io.out(t.cli.usage);
    return command || args.flags.help ? 0 : 2;
  }
  if (command === "export") return exportCommand(args.flags, t, io);
  if (command === "check") return checkCommand(rest[0], Boolean(args.flags.json), t, io);
  // The follow-up: outcome from the ledger's SIE file, the budget back into it (src/tools/sieCommands.ts).
  if (command === "outcome") return outcomeCommand(rest[0], args.flags, t, io);
  if (command === "budget-sie") return budgetSieCommand(rest[0], args.flags, t, io);
  if (command === "next-budget") return nextBudgetCommand(rest[0], args.flags, t, io, locale);
  io.err(`${t.cli.unknownCommand(command)}\n${t.cli.usage}`);
  return 2;
}

async function exportCommand(flags: Record<string, string | true>, t: Messages, io: Io): Promise<number> {
  const template = typeof flags.template === "string" ? flags.template : "alla";
  const ids: TemplateId[] | null =
    template === "alla"
      ? TEMPLATE_IDS
      : (TEMPLATE_IDS as string[]).includes(template)
        ? [template as TemplateId]
        : null;
  if (!ids) {
    io.err(t.cli.unknownTemplate(template));
    return 2;
  }
  const options = flags.exempel ? EXAMPLE_OPTIONS : BLANK_OPTIONS;
  const file = typeof flags.out === "string" ? flags.out : `finsam-${template}.xlsx`;
  const { templatesToXlsx } = await xlsxWriter();
  const { buffer, results } = await templatesToXlsx(ids.map((id) => TEMPLATES[id](options)));
  try {
    await writeFile(file, buffer);
  } catch (error) {
    io.err(t.cli.cannotWrite(oneLine(file), writeReason(error, t)));
    return 2;
  }
  io.out(t.cli.written(file, results.flatMap((r) => r.sheets).join(", ")));
  return 0;
}

async function checkCommand(file: string | undefined, json: boolean, t: Messages, io: Io): Promise<number> {
  if (!file) {
    io.err(`${t.cli.missingFile}\n${t.cli.usage}`);
    return 2;
  }
  const shown = oneLine(file);
  const read = await readWorkbookFile(file, t);
  if ("refused" in read) {
    io.err(t.cli.cannotRead(shown, read.refused));
    return 2;
  }
  const { sheets, notes } = read;
  const { recognised, notRead, findings, statements } = checkWorkbook(sheets);
  const errors = findings.filter((f) => f.severity === "error").length;
  if (json) {
    io.out(
      JSON.stringify(
        {
          file,
          sheets: recognised,
          readNotes: notes.map((n) => ({ ...n, message: noteText(t, n) })),
          notRead: notRead.map((n) => ({ ...n, message: t.notRead[n.reason](n.sheet) })),
          statements: statements.map((s) => ({ ...s, message: t.coverageLine(s) })),
          findings: findings.map((f) => ({ ...f, message: t.findings[f.code](f.params) })),
        },
        null,
        2,
      ),
    );
  } else {
    // One line per finding, its fields escaped: a tab or newline in a sheet name or label forges nothing.
    for (const f of findings)
      io.out(
        `${oneLine(f.sheet)}!${f.cell}\t${t.severity[f.severity].toLowerCase()}\t${oneLine(t.findings[f.code](f.params), 2000)}`,
      );
    for (const n of notRead) io.out(t.cli.notReadLine(oneLine(t.notRead[n.reason](n.sheet), 2000)));
    for (const n of notes) io.out(oneLine(noteText(t, n), 2000));
    for (const s of statements) io.out(oneLine(t.coverageLine(s), 2000)); // what each statement had read and checked
    io.out(
      recognised.length === 0
        ? t.cli.noFinsamSheets(shown)
        : t.cli.summary(shown, recognised.length, errors, findings.length - errors),
    );
  }
  if (recognised.length === 0) return 3;
  return errors > 0 ? 1 : 0;
}

/** A workbook read for a command: bounded before parsed (the size on disk, then the zip's own directory). */

/**
 * finsam next-budget IN.xlsx [--out OUT.xlsx] [--tilldelning TKR] [--index PROCENT]: the next plan rolled
 * forward from the one in IN.xlsx, written with IN's own sheets into a new file (never over IN).
 */
async function nextBudgetCommand(
  file: string | undefined,
  flags: Record<string, string | true>,
  t: Messages,
  io: Io,
  locale: Locale,
): Promise<number> {
  if (!file) {
    io.err(`${t.cli.missingFile}\n${t.cli.usage}`);
    return 2;
  }
  const number = (flag: string): number | null | undefined => {
    const text = flags[flag];
    if (typeof text !== "string") return null;
    const value = parseSwedishNumber(text);
    return value === null || Number.isNaN(value) ? undefined : value;
  };
  const [allotment, index] = [number("tilldelning"), number("index")];
  for (const [flag, value] of [
    ["tilldelning", allotment],
    ["index", index],
  ] as const)
    if (value === undefined) {
      io.err(t.nextBudget.badNumber(flag, String(flags[flag])));
      return 2;
    }
  const shown = oneLine(file);
  const read = await readWorkbookFile(file, t);
  if ("refused" in read) {
    io.err(t.cli.cannotRead(shown, read.refused));
    return 2;
  }
  const result = nextBudgetFrom(read.sheets, {
    stateAllotment: allotment ?? null,
    costIndex: (index ?? 0) / 100,
  });
  if ("problem" in result) {
    io.err(t.nextBudget.failed(t.nextBudget.problems[result.problem]));
    return 3;
  }
  const out = typeof flags.out === "string" ? flags.out : file.replace(/(\.xlsx)?$/i, "-nasta-budget.xlsx");
  if (resolve(out) === resolve(file)) {
    io.err(t.cli.cannotWrite(oneLine(out), t.nextBudget.sameFile));
    return 2;
  }
  const { appendToXlsx } = await xlsxWriter();
  const { buffer, results } = await appendToXlsx(Buffer.from(read.data), [result.spec]);
  try {
    await writeFile(out, buffer);
  } catch (error) {
    io.err(t.cli.cannotWrite(oneLine(out), writeReason(error, t)));
    return 2;
  }
  if (result.allotmentFromPlan)
    io.out(t.nextBudget.allotmentFromPlan(formatNumber(result.input.stateAllotment, locale)));
  io.out(t.nextBudget.basis(result.input.feeKey.source, result.input.opening.source));
  io.out(t.nextBudget.written(out, results[0].sheets[0]));
  return 0;
}

function parse(argv: string[]): { positional: string[]; flags: Record<string, string | true> } {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith("--")) {
      const key = a.slice(2);
      const next = argv[i + 1];
      if (
        ["template", "out", "lang", "months", "map", "year", "profile", "tilldelning", "index"].includes(
          key,
        ) &&
        next !== undefined &&
        !next.startsWith("--")
      ) {
        flags[key] = next;
        i++;
      } else flags[key] = true;
    } else positional.push(a);
  }
  return { positional, flags };
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(String((error as Error)?.message ?? error));
      process.exit(2);
    },
  );
}
