/**
 * npm run hostile: builds hostile files in a temporary folder and runs `finsam check` on each in its own
 * process, printing the exit code, the time and the peak memory, against the start-up of the command
 * itself. Exits 1 when a file crashes the check, takes more than 2 s beyond start-up to be refused, or
 * peaks above 300 MB. The files: a zip bomb (a sheet that unpacks to 1.2 GB), one whose directory lies
 * about it, an encrypted workbook, a legacy .xls, a CSV, a truncated .xlsx, 500 sheets, 1 000 000 rows,
 * 16 384 columns, formula-injection text and Unicode sheet names.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { constants, crc32, createDeflateRaw, deflateRawSync } from "node:zlib";
import { EXAMPLE_OPTIONS, TEMPLATES } from "../templates";
import { templatesToXlsx } from "../workbook/xlsx/xlsxWriter";

const ROOT = join(__dirname, "..", "..");
const MEMORY_LIMIT_MB = 300;
const EXTRA_SECONDS = 2;

interface Part {
  name: string;
  data: Buffer; // packed
  size: number; // unpacked
  crc: number;
  /** What the directory says the part unpacks to (a lie, for the lying bomb). */
  declared?: number;
}

const part = (name: string, text: string): Part => {
  const raw = Buffer.from(text, "utf8");
  return { name, data: deflateRawSync(raw), size: raw.length, crc: crc32(raw) };
};

/** A minimal zip writer: local headers, deflated data, central directory (sizes under 4 GB). */
function zip(parts: Part[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, "utf8");
    const size = p.declared ?? p.size;
    // The local header and the central directory entry: the same fields at their own offsets.
    const common = (base: number): [number, 16 | 32, number][] => [
      [base, 16, 0x0800],
      [base + 2, 16, 8],
      [base + 8, 32, p.crc >>> 0],
      [base + 12, 32, p.data.length],
      [base + 16, 32, size],
      [base + 20, 16, name.length],
    ];
    const local = header(30, [[0, 32, 0x04034b50], [4, 16, 20], ...common(6)]);
    chunks.push(local, name, p.data);
    const c = header(46, [[0, 32, 0x02014b50], [4, 16, 20], [6, 16, 20], ...common(8), [42, 32, offset]]);
    central.push(c, name);
    offset += local.length + name.length + p.data.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, dir, end]);
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

/** The parts of a workbook with the given sheets (their XML), as Excel lays them out. */
function workbook(sheets: { name: string; xml: string | Part }[]): Part[] {
  const types = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}</Types>`;
  const rels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const wb = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`;
  const wbRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}</Relationships>`;
  return [
    part("[Content_Types].xml", types),
    part("_rels/.rels", rels),
    part("xl/workbook.xml", wb),
    part("xl/_rels/workbook.xml.rels", wbRels),
    ...sheets.map((s, i) =>
      typeof s.xml === "string"
        ? part(`xl/worksheets/sheet${i + 1}.xml`, s.xml)
        : { ...s.xml, name: `xl/worksheets/sheet${i + 1}.xml` },
    ),
  ];
}

const HEAD = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`;
const inline = (ref: string, v: string | number) =>
  typeof v === "number"
    ? `<c r="${ref}"><v>${v}</v></c>`
    : `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
const letters = (n: number) => {
  let s = "";
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
};
function sheetXml(rows: (string | number)[][]): string {
  const width = Math.max(1, ...rows.map((r) => r.length));
  const body = rows
    .map(
      (r, i) => `<row r="${i + 1}">${r.map((v, j) => inline(`${letters(j + 1)}${i + 1}`, v)).join("")}</row>`,
    )
    .join("");
  return `${HEAD}<dimension ref="A1:${letters(width)}${Math.max(1, rows.length)}"/><sheetData>${body}</sheetData></worksheet>`;
}

/** A sheet part streamed through deflate: `size` bytes of XML from a repeating row, never held whole. */
async function streamedSheet(
  prefix: string,
  row: (i: number) => string,
  count: number,
  suffix: string,
): Promise<Part> {
  const deflate = createDeflateRaw({ level: constants.Z_BEST_SPEED });
  const out: Buffer[] = [];
  deflate.on("data", (d: Buffer) => out.push(d));
  const done = new Promise((resolve) => deflate.on("end", resolve));
  let size = 0;
  let crc = 0;
  const write = async (text: string) => {
    const b = Buffer.from(text, "utf8");
    size += b.length;
    crc = crc32(b, crc);
    if (!deflate.write(b)) await new Promise((r) => deflate.once("drain", r));
  };
  await write(prefix);
  let batch = "";
  for (let i = 0; i < count; i++) {
    batch += row(i);
    if (batch.length > 1 << 20) {
      await write(batch);
      batch = "";
    }
  }
  await write(batch + suffix);
  deflate.end();
  await done;
  return { name: "", data: Buffer.concat(out), size, crc };
}

function statement(labels: string[]): (string | number)[][] {
  return [
    ["", "Utfall", "Budget", "Avvikelse"],
    ...labels.map((l, i) => [l, 100 + i, 90 + i, 10]),
    [
      "Summa",
      labels.reduce((a, _, i) => a + 100 + i, 0),
      labels.reduce((a, _, i) => a + 90 + i, 0),
      10 * labels.length + 1,
    ],
  ];
}

async function build(dir: string): Promise<{ name: string; file: string; expect: string }[]> {
  const files: { name: string; file: string; expect: string }[] = [];
  const add = (name: string, file: string, data: Buffer, expect: string) => {
    writeFileSync(join(dir, file), data);
    files.push({ name, file, expect });
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
  add("zip bomb (1.2 GB sheet)", "bomb.xlsx", zip(workbook([{ name: "Blad1", xml: bomb }])), "2 refused");
  add(
    "zip bomb, directory lies (says 1 KB)",
    "bomb-lying.xlsx",
    zip(workbook([{ name: "Blad1", xml: { ...bomb, declared: 1024 } }])),
    "2 refused",
  );
  // OLE2 containers: an encrypted .xlsx (EncryptedPackage stream) and a legacy .xls (Workbook stream).
  const ole = (stream: string) => {
    const b = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b, 0);
    Buffer.from(stream, "utf16le").copy(b, 1024);
    return b;
  };
  add("encrypted .xlsx", "encrypted.xlsx", ole("EncryptedPackage"), "2 refused");
  add("legacy .xls", "legacy.xls", ole("Workbook"), "2 refused");
  add("CSV", "data.csv", Buffer.from("Rad;Utfall;Budget\nSumma;100;90\n"), "2 refused");
  const example = (await templatesToXlsx([TEMPLATES.budget(EXAMPLE_OPTIONS)])).buffer;
  add("truncated .xlsx", "truncated.xlsx", example.subarray(0, Math.floor(example.length / 2)), "2 refused");
  add(
    "not a file format at all",
    "random.xlsx",
    Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
    "2 refused",
  );
  add(
    "500 sheets",
    "sheets-500.xlsx",
    zip(
      workbook(Array.from({ length: 500 }, (_, i) => ({ name: `Blad${i + 1}`, xml: sheetXml([["x", i]]) }))),
    ),
    "2 refused",
  );
  const million = await streamedSheet(
    `${HEAD}<dimension ref="A1:C1000000"/><sheetData>`,
    (i) =>
      `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>Rad ${i}</t></is></c><c r="B${i + 1}"><v>${i}</v></c><c r="C${i + 1}"><v>${i % 97}</v></c></row>`,
    1_000_000,
    "</sheetData></worksheet>",
  );
  add("1 000 000 rows", "rows-1m.xlsx", zip(workbook([{ name: "Blad1", xml: million }])), "2 refused");
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
    "2 refused",
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
    "0|1|3 checked",
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
    "0|1|3 checked",
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
    "0|1|3 checked",
  );
  return files;
}

/** Runs the command on a file in a fresh process; its peak memory is read from that process. */
function run(args: string[]): { code: number; seconds: number; peakMb: number; output: string } {
  const probe = `require("tsx/cjs/api").register();
const { main } = require(${JSON.stringify(join(ROOT, "src", "tools", "cli.ts"))});
main(${JSON.stringify(args)}, { out: (l) => process.stdout.write(l + "\\n"), err: (l) => process.stdout.write(l + "\\n") })
  .then((code) => { process.stderr.write("PEAK " + process.resourceUsage().maxRSS + "\\n"); process.exit(code); },
        (e) => { process.stderr.write("PEAK " + process.resourceUsage().maxRSS + "\\nCRASH " + e + "\\n"); process.exit(70); });`;
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["-e", probe], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    timeout: 120_000,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peak = /PEAK (\d+)/.exec(r.stderr ?? "");
  return {
    code: r.status ?? (r.signal ? 137 : -1),
    seconds,
    peakMb: peak ? Number(peak[1]) / 1024 : NaN,
    output:
      `${r.stdout ?? ""}${(r.stderr ?? "").replace(/PEAK \d+\n?/, "")}`.trim().split("\n").slice(-1)[0] ?? "",
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
    console.log(`${"file".padEnd(38)} exit   time    +start   peak MB  message`);
    let failed = 0;
    for (const f of files) {
      const r = run(["check", join(dir, f.file)]);
      const extra = r.seconds - baseline.seconds;
      const allowed = f.expect.split(" ")[0].split("|").map(Number);
      const ok =
        allowed.includes(r.code) &&
        r.peakMb <= MEMORY_LIMIT_MB &&
        (f.expect.endsWith("checked") || extra <= EXTRA_SECONDS);
      if (!ok) failed++;
      console.log(
        `${f.name.padEnd(38)} ${String(r.code).padStart(4)} ${r.seconds.toFixed(2).padStart(6)} s ${extra.toFixed(2).padStart(6)} s ${r.peakMb.toFixed(0).padStart(8)}  ${ok ? "" : "FAIL "}${r.output.replace(dir + "/", "").slice(0, 150)}`,
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

/** A little-endian header of `size` bytes with the given fields (offset, width in bits, value). */
function header(size: number, fields: [number, 16 | 32, number][]): Buffer {
  const buf = Buffer.alloc(size);
  for (const [offset, bits, value] of fields)
    if (bits === 16) buf.writeUInt16LE(value, offset);
    else buf.writeUInt32LE(value, offset);
  return buf;
}
