/**
 * npm run hostile: builds the hostile corpus in a temporary folder and runs `finsam check` on each case in its
 * own process, printing the exit code, the time and the peak memory against the start-up of the command
 * itself. Exits 1 when a case crashes, answers with another exit code than expected, takes more than 10 s
 * beyond start-up, peaks above 300 MB, or prints an internal or library text (TypeError, "Cannot read",
 * "undefined (reading", a stack frame …) instead of the catalogue's words.
 *
 * The corpus is every file of issue 20's "Why" and issue 9's: zip bombs in a sheet, in xl/media, in a .rels,
 * in vbaProject.bin, directories that lie; far cells (A100000 and XFD100000, A1 and XFD1048576), merges,
 * validations and conditional formats over whole sheets and columns, `<row r="999999999">`, lying and missing
 * dimensions, sheet parts misnamed (`/xl/…`, `….xml.x`), a chart with drawn shapes, XML with an undefined
 * entity or a disallowed character, an invalid column letter, a folder, sheet names over 31 characters or of
 * 40 MB, .xlsb/.ods/.numbers, /dev/zero and a 1 GB pipe, cached numbers that are not numbers, formulas with no
 * cached results, #REF! in a sum, a tab and newline in a sheet name; encrypted, legacy .xls, CSV, truncated,
 * random bytes, 500 sheets, 10⁶ rows, 16 384 columns, formula-injection text, Unicode names.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXAMPLE_OPTIONS, TEMPLATES } from "../templates";
import { templatesToXlsx } from "../workbook/xlsx/xlsxWriter";
import { makeStatement } from "./benchCheck";
import { HEAD, part, sheetXml, streamedSheet, workbook, zip, type Part } from "./hostileFiles";

const ROOT = join(__dirname, "..", "..");
const MEMORY_LIMIT_MB = 300;
const EXTRA_SECONDS = 10;
/** What must never reach a user: a library's or the runtime's own text. */
const INTERNAL =
  /TypeError|ReferenceError|RangeError|Cannot read|undefined \(reading|Bug :|EISDIR|ENOENT|EACCES|undefined entity|disallowed character|Out of bounds|Invalid column|\bat [\w.<>]+ \(|already exists|CRASH/;

interface Case {
  name: string;
  /** The arguments after `check`; by default the case's file. */
  args?: string[];
  file?: string;
  /** A shell command whose output is piped to the check's standard input (read as /dev/stdin). */
  pipe?: string;
  /** The exit codes allowed ("2", "0|1"). */
  expect: string;
  /** What the whole output must show, beyond the exit code. */
  verify?: (output: string) => boolean;
  /**
   * A case whose right answer is the check's to give (issue 19), not the reader's: shown, with PENDING when it
   * is not yet given, but not counted as outside the limits — its bounds (exit 0–3, time, memory) still are.
   */
  pending?: string;
}

/** A statement whose Utfall total is 50 off: checking it must find that error (exit 1). */
function statement(labels: string[], off = 0): (string | number)[][] {
  return [
    ["", "Utfall", "Budget", "Avvikelse"],
    ...labels.map((l, i) => [l, 100 + i, 90 + i, 10]),
    [
      "Summa",
      labels.reduce((a, _, i) => a + 100 + i, 0) + off,
      labels.reduce((a, _, i) => a + 90 + i, 0),
      10 * labels.length + 1,
    ],
  ];
}
const WRONG = statement(["Intäkter", "Kostnader", "Övrigt"], 50);
const wrongFound = (output: string) => /Blad1!B5\t/.test(output);
const book = (xml: string | Part, extra: Part[] = [], name = "Blad1") =>
  zip(workbook([{ name, xml }], extra));

async function build(dir: string): Promise<Case[]> {
  const files: Case[] = [];
  const add = (
    name: string,
    file: string,
    data: Buffer,
    expect: string,
    verify?: Case["verify"],
    pending?: string,
  ) => {
    writeFileSync(join(dir, file), data);
    files.push({ name, file, expect, verify, pending });
  };
  // A zip bomb: one sheet of 1.2 GB of spaces packs to about a megabyte.
  const GB = 1.2 * 1024 ** 3;
  const blank = " ".repeat(1 << 20);
  const bomb = await streamedSheet(
    `${HEAD}<sheetData>`,
    () => blank,
    Math.floor(GB / blank.length),
    "</sheetData></worksheet>",
  );
  add("zip bomb (1.2 GB sheet)", "bomb.xlsx", zip(workbook([{ name: "Blad1", xml: bomb }])), "2");
  add(
    "zip bomb, directory lies (says 1 KB)",
    "bomb-lying.xlsx",
    zip(workbook([{ name: "Blad1", xml: { ...bomb, declared: 1024 } }])),
    "2",
  );
  // OLE2 containers: an encrypted .xlsx (EncryptedPackage stream) and a legacy .xls (Workbook stream).
  const ole = (stream: string) => {
    const b = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b, 0);
    Buffer.from(stream, "utf16le").copy(b, 1024);
    return b;
  };
  add("encrypted .xlsx", "encrypted.xlsx", ole("EncryptedPackage"), "2");
  add("legacy .xls", "legacy.xls", ole("Workbook"), "2");
  add("CSV", "data.csv", Buffer.from("Rad;Utfall;Budget\nSumma;100;90\n"), "2");
  const example = (await templatesToXlsx([TEMPLATES.budget(EXAMPLE_OPTIONS)])).buffer;
  add("truncated .xlsx", "truncated.xlsx", example.subarray(0, Math.floor(example.length / 2)), "2");
  add(
    "not a file format at all",
    "random.xlsx",
    Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
    "2",
  );
  add(
    "500 sheets",
    "sheets-500.xlsx",
    zip(
      workbook(Array.from({ length: 500 }, (_, i) => ({ name: `Blad${i + 1}`, xml: sheetXml([["x", i]]) }))),
    ),
    "2",
  );
  const million = await streamedSheet(
    `${HEAD}<dimension ref="A1:C1000000"/><sheetData>`,
    (i) =>
      `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>Rad ${i}</t></is></c><c r="B${i + 1}"><v>${i}</v></c><c r="C${i + 1}"><v>${i % 97}</v></c></row>`,
    1_000_000,
    "</sheetData></worksheet>",
  );
  add("1 000 000 rows", "rows-1m.xlsx", zip(workbook([{ name: "Blad1", xml: million }])), "2");
  // Long statements: the reading of a table (subtotals from arithmetic, totals above their lines) must stay
  // linear in its length — a search over every run of lines once took 46 s at 800 lines.
  await makeStatement(join(dir, "statement-30k.xlsx"), 30_000);
  files.push({
    name: "30 000-line statement, SUM at the foot",
    file: "statement-30k.xlsx",
    expect: "0",
    verify: (o) => / 0 fel, 0 varningar/.test(o),
  });
  const t = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
  const GROUPS = 6_000; // three lines and their subtotal each (24 000 lines), then a grand total of the subtotals
  const figures = (g: number) => ({ b: [1 + (g % 7), 2 + (g % 5), 3], c: [2, 1 + (g % 3), 4] });
  const sum3 = (v: number[]) => v[0] + v[1] + v[2];
  const grand = { b: 0, c: 0 };
  for (let g = 0; g < GROUPS; g++) {
    grand.b += sum3(figures(g).b);
    grand.c += sum3(figures(g).c);
  }
  const foot = 2 + GROUPS * 4;
  const grouped = await streamedSheet(
    `${HEAD}<sheetData><row r="1">${t("B1", "Utfall 2024")}${t("C1", "Budget 2024")}</row>`,
    (g) => {
      const r = 2 + g * 4;
      const { b, c } = figures(g);
      const line = (i: number) =>
        `<row r="${r + i}">${t(`A${r + i}`, `Konto ${g}-${i}`)}<c r="B${r + i}"><v>${b[i]}</v></c><c r="C${r + i}"><v>${c[i]}</v></c></row>`;
      return `${line(0)}${line(1)}${line(2)}<row r="${r + 3}"><c r="B${r + 3}"><v>${sum3(b)}</v></c><c r="C${r + 3}"><v>${sum3(c)}</v></c></row>`;
    },
    GROUPS,
    `<row r="${foot}">${t(`A${foot}`, "Summa kostnader")}<c r="B${foot}"><v>${grand.b}</v></c><c r="C${foot}"><v>${grand.c}</v></c></row></sheetData></worksheet>`,
  );
  add(
    "24 000 lines, `Summa grupp` every 4th",
    "summed-40k.xlsx",
    zip(
      workbook([
        {
          name: "Driftsredovisning",
          xml: await streamedSheet(
            `${HEAD}<sheetData><row r="1">${t("B1", "Utfall 2024")}${t("C1", "Budget 2024")}</row>`,
            (g) => {
              const r = 2 + g * 4;
              const { b, c } = figures(g);
              const line = (i: number, label: string, x: number, y: number) =>
                `<row r="${r + i}">${t(`A${r + i}`, label)}<c r="B${r + i}"><v>${x}</v></c><c r="C${r + i}"><v>${y}</v></c></row>`;
              return (
                [0, 1, 2].map((i) => line(i, `Konto ${g}-${i}`, b[i], c[i])).join("") +
                line(3, "Summa grupp", sum3(b), sum3(c))
              );
            },
            GROUPS,
            "</sheetData></worksheet>",
          ),
        },
      ]),
    ),
    "0",
    (o) => / 0 fel, 0 varningar/.test(o),
  );
  add(
    "24 000 lines, an unlabelled subtotal every 4th",
    "grouped-40k.xlsx",
    zip(workbook([{ name: "Driftsredovisning", xml: grouped }])),
    "0",
    (o) => / 0 fel, 0 varningar/.test(o),
  );
  const narrow = await streamedSheet(
    `${HEAD}<dimension ref="A1:A1000000"/><sheetData>`,
    (i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i % 10}</v></c></row>`,
    1_000_000,
    "</sheetData></worksheet>",
  );
  add(
    "1 000 000 rows, one small column",
    "rows-1m-narrow.xlsx",
    zip(workbook([{ name: "Blad1", xml: narrow }])),
    "2|3",
  );
  const wide = Array.from({ length: 16_384 }, (_, i) => i);
  add(
    "16 384 columns",
    "columns-16384.xlsx",
    zip(
      workbook([
        {
          name: "Blad1",
          xml: sheetXml([
            ["Rad", ...wide.slice(1)],
            ["Summa", ...wide.slice(1)],
          ]),
        },
      ]),
    ),
    "0|1|3",
  );
  add(
    "formula-injection text",
    "injection.xlsx",
    zip(
      workbook([
        {
          name: "Blad1",
          xml: sheetXml(
            statement([
              "=cmd|' /C calc'!A0",
              '+HYPERLINK("http://x")',
              "@SUM(1+1)*cmd",
              "-2+3+cmd|' /C x'!A1",
            ]),
          ),
        },
      ]),
    ),
    "0|1|3",
  );
  add(
    "Unicode sheet names",
    "unicode.xlsx",
    zip(
      workbook([
        { name: "Budget 💰 ÅÄÖ", xml: sheetXml(statement(["Intäkter", "Kostnader"])) },
        { name: "עברית\u200f", xml: sheetXml(statement(["א", "ב"])) },
        { name: "名前\u200b", xml: sheetXml([["x"]]) },
      ]),
    ),
    "0|1|3",
  );

  // Issue 20: far cells, whole-sheet ranges, lying dimensions — each read sparsely, the statement checked.
  add(
    "statement + A100000 and XFD100000",
    "far-row.xlsx",
    book(
      sheetXml(WRONG, {
        rows: '<row r="100000"><c r="A100000"><v>1</v></c><c r="XFD100000"><v>2</v></c></row>',
      }),
    ),
    "1",
    wrongFound,
  );
  add(
    "statement + XFD1048576",
    "far-corner.xlsx",
    book(sheetXml(WRONG, { rows: '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>' })),
    "1",
    wrongFound,
  );
  add(
    "merge F1:XFD1048576",
    "merge-sheet.xlsx",
    book(sheetXml(WRONG, { after: '<mergeCells count="1"><mergeCell ref="F1:XFD1048576"/></mergeCells>' })),
    "1",
    wrongFound,
  );
  add(
    "merge F1:F1048576",
    "merge-column.xlsx",
    book(sheetXml(WRONG, { after: '<mergeCells count="1"><mergeCell ref="F1:F1048576"/></mergeCells>' })),
    "1",
    wrongFound,
  );
  add(
    "validation F1:XFD1048576",
    "validation.xlsx",
    book(
      sheetXml(WRONG, {
        after:
          '<dataValidations count="1"><dataValidation type="whole" sqref="F1:XFD1048576"><formula1>1</formula1></dataValidation></dataValidations>',
      }),
    ),
    "1",
    wrongFound,
  );
  add(
    "conditional format A1:XFD1048576",
    "cf.xlsx",
    book(
      sheetXml(WRONG, {
        after:
          '<conditionalFormatting sqref="A1:XFD1048576"><cfRule type="expression" priority="1"><formula>TRUE</formula></cfRule></conditionalFormatting>',
      }),
    ),
    "1",
    wrongFound,
  );
  add(
    '<row r="999999999">',
    "row-999999999.xlsx",
    book(sheetXml(WRONG, { rows: '<row r="999999999"><c><v>1</v></c></row>' })),
    "3",
  );
  add(
    "invalid column letter (AAAA1)",
    "column-letter.xlsx",
    book(sheetXml(WRONG, { rows: '<row r="9"><c r="AAAA9"><v>1</v></c></row>' })),
    "3",
  );
  add(
    "undefined entity",
    "entity.xlsx",
    book(sheetXml(WRONG, { rows: '<row r="9"><c r="A9" t="inlineStr"><is><t>&nope;</t></is></c></row>' })),
    "3",
  );
  add(
    "disallowed character",
    "character.xlsx",
    book(sheetXml(WRONG, { rows: '<row r="9"><c r="A9" t="inlineStr"><is><t>\u0001</t></is></c></row>' })),
    "3",
  );
  const rows = (n: number, dimension: string | null) =>
    streamedSheet(
      `${HEAD}${dimension === null ? "" : `<dimension ref="${dimension}"/>`}<sheetData>`,
      (i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i % 10}</v></c></row>`,
      n,
      "</sheetData></worksheet>",
    );
  const lying = await rows(1_000_000, "A1");
  add("10⁶ rows, dimension says A1", "dimension-lies.xlsx", book(lying), "3", (o) => /500 000/.test(o));
  add("10⁶ rows, no dimension", "dimension-missing.xlsx", book(await rows(1_000_000, null)), "3");
  add(
    "10⁶ rows at /xl/worksheets/sheet1.xml",
    "leading-slash.xlsx",
    book({ ...lying, name: "/xl/worksheets/sheet1.xml" }),
    "3",
  );
  add("10⁶ rows at ….xml.x", "suffix.xlsx", book({ ...lying, name: "xl/worksheets/sheet1.xml.x" }), "3");
  // Bombs in parts the reader never needs are never unpacked; in a part it needs, refused where the lie shows.
  const fake = (name: string): Part => ({ ...bomb, name, declared: 1024 });
  add(
    "bomb in xl/media (says 1 KB)",
    "bomb-media.xlsx",
    book(sheetXml(WRONG), [fake("xl/media/image1.png")]),
    "1",
    wrongFound,
  );
  add(
    "bomb in vbaProject.bin (says 1 KB)",
    "bomb-vba.xlsx",
    book(sheetXml(WRONG), [fake("xl/vbaProject.bin")]),
    "1",
    wrongFound,
  );
  add(
    "bomb in xl/_rels/workbook.xml.rels",
    "bomb-rels.xlsx",
    zip(
      workbook([{ name: "Blad1", xml: sheetXml(WRONG) }]).map((p) =>
        p.name === "xl/_rels/workbook.xml.rels" ? fake(p.name) : p,
      ),
    ),
    "2",
  );
  add(
    "bomb in a sheet's own .rels",
    "bomb-sheet-rels.xlsx",
    book(sheetXml(WRONG), [fake("xl/worksheets/_rels/sheet1.xml.rels")]),
    "1",
    wrongFound,
  );
  add(
    "chart with drawn shapes (c:userShapes)",
    "user-shapes.xlsx",
    book(
      sheetXml(WRONG, {
        after:
          '<drawing r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>',
      }),
      [
        part(
          "xl/worksheets/_rels/sheet1.xml.rels",
          '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/></Relationships>',
        ),
        part(
          "xl/drawings/drawing1.xml",
          '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>',
        ),
        part(
          "xl/drawings/drawing2.xml",
          '<c:userShapes xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>',
        ),
      ],
    ),
    "1",
    wrongFound,
  );
  // Names: two sheets alike in their first 31 characters, a 40 MB name, a tab and a newline forging a line.
  const long = "Resultaträkning för samordningsförbundet";
  add(
    "sheet names over 31 characters",
    "long-names.xlsx",
    zip(
      workbook([
        { name: `${long} A`, xml: sheetXml(WRONG) },
        { name: `${long} B`, xml: sheetXml(WRONG) },
      ]),
    ),
    "1",
  );
  add(
    "a 40 MB sheet name",
    "name-40mb.xlsx",
    book(sheetXml(WRONG), [], "x".repeat(40 * 1024 * 1024)),
    "1",
    (o) => o.length < 100_000,
  );
  add(
    "tab and newline in a sheet name",
    "forged.xlsx",
    book(sheetXml(WRONG), [], "Blad1\nFORGED!A1\tfel\tforged"),
    "1",
    (o) => !o.split("\n").some((l) => l.startsWith("FORGED")),
  );
  // Other spreadsheet formats, named.
  add(
    ".xlsb",
    "book.xlsb",
    zip([part("[Content_Types].xml", "<Types/>"), part("xl/workbook.bin", "binary")]),
    "2",
    (o) => /\.xlsb/.test(o),
  );
  add(
    ".ods",
    "book.ods",
    zip([
      part("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
      part("content.xml", "<office:document-content/>"),
    ]),
    "2",
    (o) => /\.ods/.test(o),
  );
  add(
    ".numbers",
    "book.numbers",
    zip([part("Index/Document.iwa", "x"), part("Metadata/Properties.plist", "x")]),
    "2",
    (o) => /\.numbers/.test(o),
  );
  // Cached values that are not numbers, and an overflowing sum.
  const junk = (v: string, r: number) =>
    `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>Rad ${r}</t></is></c><c r="B${r}"><v>${v}</v></c></row>`;
  add(
    "cached 12abc, 0x10, 1,5, NaN, INF",
    "junk-numbers.xlsx",
    book(
      sheetXml([["", "Utfall"]], {
        rows:
          ["12abc", "0x10", "1,5", "NaN", "INF"].map((v, i) => junk(v, i + 2)).join("") +
          '<row r="7"><c r="A7" t="inlineStr"><is><t>Summa</t></is></c><c r="B7"><v>12</v></c></row>',
      }),
    ),
    "0|1|3",
    (o) => /B2, B3, B4, B5, B6/.test(o),
  );
  add(
    "1E+308 + 1E+308 against 1E+308",
    "overflow.xlsx",
    book(
      sheetXml([
        ["", "Utfall", "Budget"],
        ["Intäkter", 1e308, 1],
        ["Kostnader", 1e308, 1],
        ["Summa", 1e308, 2],
      ]),
    ),
    "0|1|3",
    (o) => /Blad1!B4\tfel/.test(o),
  );
  // Formulas without cached results (computed here), and #REF! in a sum (named on its cell).
  const f = (ref: string, formula: string) => `<c r="${ref}"><f>${formula}</f></c>`;
  add(
    "formulas without cached values",
    "uncached.xlsx",
    book(
      sheetXml(
        [
          ["", "Utfall", "Budget"],
          ["Intäkter", 100, 90],
          ["Kostnader", 40, 30],
        ],
        {
          rows: `<row r="4"><c r="A4" t="inlineStr"><is><t>Summa</t></is></c>${f("B4", "SUM(B2:B3)")}${f("C4", "SUM(C2:C3)")}</row>`,
        },
      ),
    ),
    "0",
  );
  add(
    "#REF! in a sum",
    "ref-error.xlsx",
    book(
      sheetXml(
        [
          ["", "Utfall", "Budget"],
          ["Intäkter", 100, 90],
          ["Kostnader", 40, 30],
        ],
        {
          rows: '<row r="4"><c r="A4" t="inlineStr"><is><t>Summa</t></is></c><c r="B4" t="e"><f>SUM(#REF!)</f><v>#REF!</v></c><c r="C4"><f>SUM(C2:C3)</f><v>120</v></c></row>',
        },
      ),
    ),
    "1",
    (o) => /Blad1!B4\t/.test(o),
    "issue 19: an error value in a total named on its cell",
  );
  // Input that is no file: a folder, /dev/zero, a 1 GB pipe.
  files.push({ name: "a folder", args: [dir], expect: "2" });
  files.push({ name: "/dev/zero", args: ["/dev/zero"], expect: "2" });
  files.push({ name: "1 GB pipe", args: ["/dev/stdin"], pipe: "head -c 1073741824 /dev/zero", expect: "2" });
  return files;
}

/** Runs the command in a fresh process; its peak memory is read from that process. */
function run(
  args: string[],
  pipe?: string,
): { code: number; seconds: number; peakMb: number; output: string } {
  const probe = `require("tsx/cjs/api").register();
const peak = () => { try { return Number(/VmHWM:\\s+(\\d+)/.exec(require("fs").readFileSync("/proc/self/status", "utf8"))[1]); } catch { return process.resourceUsage().maxRSS; } };
const { main } = require(${JSON.stringify(join(ROOT, "src", "tools", "cli.ts"))});
main(${JSON.stringify(args)}, { out: (l) => process.stdout.write(l + "\\n"), err: (l) => process.stdout.write(l + "\\n") })
  .then((code) => { process.stderr.write("PEAK " + peak() + "\\n"); process.exit(code); },
        (e) => { process.stderr.write("PEAK " + peak() + "\\nCRASH " + e + "\\n"); process.exit(70); });`;
  const started = process.hrtime.bigint();
  const options = { cwd: ROOT, encoding: "utf8" as const, maxBuffer: 256 * 1024 * 1024, timeout: 120_000 };
  const r = pipe
    ? spawnSync("bash", ["-c", `${pipe} | "$NODE" -e "$PROBE"`], {
        ...options,
        env: { ...process.env, NODE: process.execPath, PROBE: probe },
      })
    : spawnSync(process.execPath, ["-e", probe], options);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peak = /PEAK (\d+)/.exec(r.stderr ?? "");
  return {
    code: r.status ?? (r.signal ? 137 : -1),
    seconds,
    peakMb: peak ? Number(peak[1]) / 1024 : NaN,
    output: `${r.stdout ?? ""}${(r.stderr ?? "").replace(/PEAK \d+\n?/, "")}`.trim(),
  };
}

async function main(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), "finsam-hostile-"));
  try {
    const files = await build(dir);
    const baseline = run(["--help"]);
    console.log(
      `start-up (finsam --help): ${baseline.seconds.toFixed(2)} s, ${baseline.peakMb.toFixed(0)} MB`,
    );
    console.log(`${"case".padEnd(40)} exit   time    +start   peak MB  message`);
    let failed = 0;
    for (const f of files) {
      const r = run(["check", ...(f.args ?? [join(dir, f.file!)])], f.pipe);
      const extra = r.seconds - baseline.seconds;
      const allowed = f.expect.split("|").map(Number);
      const problems = [
        allowed.includes(r.code) ? "" : `exit ${r.code}, expected ${f.expect}`,
        r.peakMb <= MEMORY_LIMIT_MB ? "" : "memory",
        extra <= EXTRA_SECONDS ? "" : "time",
        INTERNAL.test(r.output) ? `internal text: ${INTERNAL.exec(r.output)?.[0]}` : "",
        !f.verify || f.verify(r.output) ? "" : "output",
      ].filter(Boolean);
      const bounded =
        [0, 1, 2, 3].includes(r.code) && !problems.includes("memory") && !problems.includes("time");
      const pending = f.pending && bounded && problems.length > 0;
      if (problems.length > 0 && !pending) failed++;
      const last = r.output.split("\n").slice(-1)[0] ?? "";
      console.log(
        `${f.name.padEnd(40)} ${String(r.code).padStart(4)} ${r.seconds.toFixed(2).padStart(6)} s ${extra.toFixed(2).padStart(6)} s ${r.peakMb.toFixed(0).padStart(8)}  ${pending ? `PENDING (${f.pending}) ` : problems.length ? `FAIL (${problems.join(", ")}) ` : ""}${last.replace(dir + "/", "").slice(0, 150)}`,
      );
    }
    console.log(failed === 0 ? "All within the limits." : `${failed} outside the limits.`);
    return failed === 0 ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
