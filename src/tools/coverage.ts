/**
 * The coverage of src/ by folder, from the json-summary jest writes with `npm test` (coverage/
 * coverage-summary.json): lines, statements, functions and branches per folder, and the folders under 80 %
 * of lines. A folder may stay under only when it is listed below with the reason; any other exits 1.
 * Run: `npm run coverage` (after `npm test`).
 */
import { existsSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

const ROOT = join(__dirname, "..", "..");
const SUMMARY = join(ROOT, "coverage", "coverage-summary.json");
const THRESHOLD = 80;

/** Folders allowed under the threshold, and why: what runs them is not something jest can import. */
export const EXEMPT: Record<string, string> = {
  "src/commands":
    "the ribbon command: Office.actions.associate at load time in Excel; the command's effect (show the pane) is Office's",
};

/**
 * Files left out of their folder's figure, and why: entry points and scripts that run as processes of their
 * own (CI runs several of them as steps), whose effect is measured by running them, not by importing them.
 */
export const EXEMPT_FILES: Record<string, string> = {
  "src/tools/bench.ts": "npm run bench: prints numbers, asserts nothing",
  "src/tools/hostile.ts": "npm run hostile: CI runs it as a step, each hostile file in a process of its own",
  "src/tools/benchCheck.ts": "npm run bench's check part: prints numbers, asserts nothing",
  "src/tools/benchPane.ts":
    "npm run bench:pane: builds two panes and loads them in Chromium; prints numbers, asserts nothing",
  "src/tools/benchWorker.ts":
    "npm run bench:worker: reads a 10⁶-row CSV in Chromium on and off the page's thread; prints numbers, asserts nothing",
  "src/taskpane/spawnPopulationWorker.ts":
    "starts the population worker by webpack's import.meta URL (no CommonJS test can load it): runs in Chromium (test/e2e)",
  "src/tools/start.ts": "npm start: starts the dev server and sideloads into Excel",
  "src/tools/stop.ts": "npm stop: stops what npm start started",
  "src/tools/devServer.ts": "the dev server npm start runs (webpack serve)",
  "src/tools/devServerHttps.ts": "the dev server's certificate choice (needs office-addin-dev-certs or none)",
  "src/tools/icons.ts": "draws the icons in assets/, run by hand when they change",
  "src/tools/validate-manifest.ts":
    "npm run validate's entry: CI runs it; validateManifest.ts, which it calls, is tested",
  "src/tools/metadataOverlayPlugin.ts":
    "the webpack plugin: runs in every build (CI, and the bundle test's build)",
  "src/taskpane/index.tsx": "the task pane page's entry: runs in Chromium (test/e2e)",
  "src/workbench/index.tsx": "the workbench page's entry: runs in Chromium (test/e2e)",
  "src/workbench/customFunctionsStub.ts": "the workbench page's stand-in for Excel's CustomFunctions global",
};

interface Totals {
  total: number;
  covered: number;
}
type Metric = "lines" | "statements" | "functions" | "branches";
const METRICS: Metric[] = ["lines", "statements", "functions", "branches"];

export function byFolder(
  summary: Record<string, Record<Metric, Totals>>,
): Map<string, Record<Metric, Totals>> {
  const folders = new Map<string, Record<Metric, Totals>>();
  for (const [file, data] of Object.entries(summary)) {
    if (file === "total" || EXEMPT_FILES[relative(ROOT, file).split(sep).join("/")]) continue;
    const parts = relative(ROOT, file).split(sep);
    const folder = parts.slice(0, Math.min(2, parts.length - 1)).join("/");
    if (!folders.has(folder))
      folders.set(
        folder,
        Object.fromEntries(METRICS.map((m) => [m, { total: 0, covered: 0 }])) as Record<Metric, Totals>,
      );
    const f = folders.get(folder)!;
    for (const m of METRICS) {
      f[m].total += data[m].total;
      f[m].covered += data[m].covered;
    }
  }
  return folders;
}

const pct = (t: Totals) => (t.total === 0 ? 100 : (100 * t.covered) / t.total);

function main(): number {
  if (!existsSync(SUMMARY)) {
    console.error(`${relative(ROOT, SUMMARY)} is missing: run npm test first.`);
    return 1;
  }
  const folders = byFolder(JSON.parse(readFileSync(SUMMARY, "utf8")));
  console.log(`${"folder".padEnd(18)}${METRICS.map((m) => m.padStart(12)).join("")}`);
  const under: string[] = [];
  for (const [folder, f] of [...folders].sort(([a], [b]) => a.localeCompare(b))) {
    const lines = pct(f.lines);
    const mark = lines < THRESHOLD ? (EXEMPT[folder] ? "  (exempt)" : "  UNDER") : "";
    console.log(
      `${folder.padEnd(18)}${METRICS.map((m) => `${pct(f[m]).toFixed(1)} %`.padStart(12)).join("")}${mark}`,
    );
    if (lines < THRESHOLD && !EXEMPT[folder]) under.push(folder);
  }
  for (const [folder, reason] of Object.entries(EXEMPT)) console.log(`exempt: ${folder}: ${reason}`);
  for (const [file, reason] of Object.entries(EXEMPT_FILES)) console.log(`left out: ${file}: ${reason}`);
  if (under.length > 0) {
    console.error(`Under ${THRESHOLD} % of lines: ${under.join(", ")}`);
    return 1;
  }
  return 0;
}

if (require.main === module) process.exit(main());
