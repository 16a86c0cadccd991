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
  "src/workbench":
    "the development workbench's React entry and grid: exercised end to end in Chromium (test/e2e), which jest's coverage does not see",
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
    if (file === "total") continue;
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
  if (under.length > 0) {
    console.error(`Under ${THRESHOLD} % of lines: ${under.join(", ")}`);
    return 1;
  }
  return 0;
}

if (require.main === module) process.exit(main());
