/**
 * `npm run bench` (its check part): `finsam check` on a 100 000-row statement against a bare streaming parse of
 * the same file — unpacking and SAX-parsing the parts with nothing kept — and against the reader alone (cells
 * and blocks, no check). Each in its own process: the time of the work itself and the process's peak memory.
 */
import { spawnSync } from "node:child_process";
import { buildSync } from "esbuild";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { HEAD, streamedSheet, workbook, zip } from "./hostileFiles";

/** The repository's root, whether this runs from src/tools (tsx) or bundled into lib/ (npm run bench). */
export function repositoryRoot(): string {
  let root = __dirname;
  while (!existsSync(join(root, "package.json")) && root !== dirname(root)) root = dirname(root);
  return root;
}
const ROOT = repositoryRoot();
const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

/** A statement: a header, 100 000 lines of Utfall and Budget, and a Summa row whose formulas say what it adds. */
async function statementFile(file: string, rows = ROWS): Promise<void> {
  const t = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
  const last = rows + 1;
  let utfall = 0;
  let budget = 0;
  for (let i = 0; i < rows; i++) {
    utfall += 1000 + (i % 97);
    budget += 900 + (i % 89);
  }
  const sheet = await streamedSheet(
    `${HEAD}<sheetData><row r="1">${t("B1", "Utfall 2024")}${t("C1", "Budget 2024")}</row>`,
    (i) =>
      `<row r="${i + 2}">${t(`A${i + 2}`, `Konto ${3000 + i}`)}<c r="B${i + 2}"><v>${1000 + (i % 97)}</v></c><c r="C${i + 2}"><v>${900 + (i % 89)}</v></c></row>`,
    rows,
    `<row r="${last + 1}">${t(`A${last + 1}`, "Summa kostnader")}<c r="B${last + 1}"><f>SUM(B2:B${last})</f><v>${utfall}</v></c><c r="C${last + 1}"><f>SUM(C2:C${last})</f><v>${budget}</v></c></row></sheetData></worksheet>`,
  );
  writeFileSync(file, zip(workbook([{ name: "Driftsredovisning", xml: sheet }])));
}

/**
 * The code the probes run, bundled as the command line ships (esbuild, one file, as `npm run build:cli` builds
 * lib/finsam.cjs): the parse, the reader and the check measured in the shape users run them, all three alike.
 */
function probeBundle(): string {
  const dir = join(ROOT, "node_modules", ".cache", "finsam-bench");
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, "probe-entry.ts");
  const from = (path: string) => JSON.stringify(join(ROOT, path));
  writeFileSync(
    entry,
    [
      `export { inspectDirectory } from ${from("src/workbook/xlsx/zip")};`,
      `export { parsePart } from ${from("src/workbook/xlsx/parts")};`,
      `export { nodeInflate } from ${from("src/workbook/xlsx/nodeInflate")};`,
      `export { readXlsxWorkbook } from ${from("src/workbook/xlsx/xlsxReader")};`,
      `export { main } from ${from("src/tools/cli")};`,
    ].join("\n"),
  );
  const outfile = join(dir, "probe.cjs");
  buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    outfile,
    external: ["exceljs", "hyperformula"],
    logLevel: "warning",
  });
  return outfile;
}

const probe = (bundle: string, file: string, what: "parse" | "read" | "check") => `
const peak = () => Number(/VmHWM:\\s+(\\d+)/.exec(require("fs").readFileSync("/proc/self/status", "utf8"))[1]);
const file = ${JSON.stringify(file)};
(async () => {
  const data = require("fs").readFileSync(file);
  // The code is loaded before the clock starts: the time is the work's, not start-up's.
  const { inspectDirectory, parsePart, nodeInflate, readXlsxWorkbook, main } = require(${JSON.stringify(bundle)});
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  let detail = "";
  if (${JSON.stringify(what)} === "parse") {
    const { entries } = inspectDirectory(data);
    let tags = 0;
    for (const e of entries) await parsePart(data, e, nodeInflate, { partBytes: 1e9 }, { open() { tags++; }, close() {}, text() {} });
    detail = tags + " elements";
  } else if (${JSON.stringify(what)} === "read") {
    const { sheets } = await readXlsxWorkbook(data);
    detail = sheets.reduce((n, s) => n + s.values.length, 0) + " rows";
  } else {
    const out = [];
    const code = await main(["check", file], { out: (l) => out.push(l), err: (l) => out.push(l) });
    detail = "exit " + code + ": " + out[out.length - 1].replace(/^.*: /, "");
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpuStart);
  console.log(JSON.stringify({ ms, cpu: (used.user + used.system) / 1000, mb: peak() / 1024, detail }));
})();`;

function measure(bundle: string, file: string, what: "parse" | "read" | "check") {
  const r = spawnSync(process.execPath, ["-e", probe(bundle, file, what)], { cwd: ROOT, encoding: "utf8" });
  const line = (r.stdout ?? "").trim().split("\n").pop() ?? "";
  try {
    return JSON.parse(line) as { ms: number; cpu: number; mb: number; detail: string };
  } catch {
    return { ms: NaN, cpu: NaN, mb: NaN, detail: `failed: ${(r.stderr ?? "").slice(0, 200)}` };
  }
}

export async function benchCheck(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "finsam-bench-"));
  try {
    const file = join(dir, "statement-100k.xlsx");
    await statementFile(file);
    console.log(
      `\nfinsam check on a ${ROWS.toLocaleString("en")}-row statement (time of the work, peak memory)`,
    );
    // Each in its own process, interleaved, RUNS times: the medians (a virtual machine's timings wander by a
    // third from one run to the next). The code is the bundle, as the command line ships.
    const runs: Record<"parse" | "read" | "check", ReturnType<typeof measure>[]> = {
      parse: [],
      read: [],
      check: [],
    };
    const bundle = probeBundle();
    for (let i = 0; i < RUNS; i++)
      for (const what of ["parse", "read", "check"] as const) runs[what].push(measure(bundle, file, what));
    const middle = (list: ReturnType<typeof measure>[]) => {
      const ms = [...list].sort((a, b) => a.ms - b.ms)[list.length >> 1];
      const mb = [...list].sort((a, b) => a.mb - b.mb)[list.length >> 1].mb;
      return { ms: ms.ms, cpu: ms.cpu, mb, detail: ms.detail };
    };
    const parse = middle(runs.parse);
    const read = middle(runs.read);
    const check = middle(runs.check);
    const rows: [string, ReturnType<typeof measure>][] = [
      ["bare streaming parse (unpack + SAX, nothing kept)", parse],
      ["the reader alone (cells, blocks)", read],
      ["finsam check (read + check)", check],
    ];
    console.log(`median of ${RUNS} runs each`);
    if (process.env.BENCH_ALL)
      for (const what of ["parse", "read", "check"] as const)
        console.log(
          `${what}: ${runs[what].map((m) => m.ms.toFixed(0)).join(" ")} ms, CPU ${runs[what].map((m) => m.cpu.toFixed(0)).join(" ")} ms`,
        );
    for (const [label, m] of rows)
      console.log(
        `${label.padEnd(52)} ${m.ms.toFixed(0).padStart(7)} ms ${m.mb.toFixed(0).padStart(6)} MB  ${(m.ms / parse.ms).toFixed(2)}× the parse  ${(m.ms / read.ms).toFixed(2)}× the reader  ${m.detail}`,
      );
    // The bar (issue 20): the check within 2× the reader alone. Each run's pair back to back (a slow spell of the
    // machine slows both), the median of their ratios.
    const pairs = runs.check.map((c, i) => c.ms / runs.read[i].ms).sort((a, b) => a - b);
    const ratio = pairs[pairs.length >> 1];
    console.log(
      `finsam check against the reader alone, run by run: ${pairs.map((p) => p.toFixed(2)).join(" ")}; median ${ratio.toFixed(2)}× (bar 2×: ${ratio <= 2 ? "met" : "NOT met"})`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const makeStatement = statementFile;
// Run on its own (tsx src/tools/benchCheck.ts); bundled into lib/bench.cjs, `module` is the bundle's, and
// bench.ts runs it.
if (require.main === module && /benchCheck\.ts$/.test(process.argv[1] ?? "")) void benchCheck();
