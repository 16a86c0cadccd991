/**
 * `npm run bench:worker`: what the population worker spares the pane's thread. Writes a population CSV of about
 * a million rows (every municipality × marital status × one-year age × sex × five birth regions, one year; SCB's
 * code form, about 21 MB, under the import's 30 MB limit), builds a page (webpack production, the product's own
 * modules: readOffThread, readPopulationJob, the worker chunk) and reads the file in Debian's Chromium, on the
 * page's thread and in the worker, interleaved. Prints the medians of the read's wall time, the longest the page
 * could not run anything (a 10 ms heartbeat's longest gap) and the main thread's long tasks in all (> 50 ms).
 * A benchmark: it prints numbers, it asserts nothing. `--runs N` for another count (3 by default).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { municipalities } from "../population/municipalities";
import { serveStatic } from "./staticServer";

const ROOT = join(__dirname, "..", "..");
const WORK = join(ROOT, "node_modules", ".cache", "finsam-bench-worker");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const argv = process.argv.slice(2);
const runsAt = argv.indexOf("--runs");
const RUNS = runsAt >= 0 ? Number(argv[runsAt + 1]) : 3;
const MEMBERS = ["2480", "2460", "2404", "2409", "2401"];

const src = (path: string) => JSON.stringify(join(ROOT, "src", path));
const PAGE = `import { importRequest } from ${src("population/import")};
import { readOffThread } from ${src("population/offThread")};
import { readPopulationJob } from ${src("taskpane/populationRead")};
import { spawnPopulationWorker } from ${src("taskpane/spawnPopulationWorker")};

const longTasks: number[] = [];
new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration))).observe({
  type: "longtask",
});

(window as unknown as { bench: unknown }).bench = async (mode: "in-thread" | "worker") => {
  const bytes = new Uint8Array(await (await fetch("population.csv")).arrayBuffer());
  const { request } = importRequest(
    { municipalities: ${JSON.stringify(MEMBERS)}.map((code) => ({ name: code, code })), ageBand: "20–64 år" },
    2024,
    new Date(),
  );
  await new Promise((r) => setTimeout(r, 200));
  longTasks.length = 0;
  let last = performance.now();
  let longestGap = 0;
  const beat = setInterval(() => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
  }, 10);
  const started = performance.now();
  const outcome = await readOffThread(
    { input: { bytes }, request: request!, file: "population.csv", locale: "sv" },
    { read: readPopulationJob, spawn: mode === "worker" ? spawnPopulationWorker : null },
  );
  const wall = performance.now() - started;
  await new Promise((r) => setTimeout(r, 100));
  clearInterval(beat);
  return {
    wall,
    longestGap: Math.max(longestGap, performance.now() - last),
    longTasks: longTasks.reduce((a, b) => a + b, 0),
    sums: outcome.ok ? outcome.populations.map((p) => p.population) : outcome.problems.slice(0, 3),
  };
};
`;

const CONFIG = `const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
module.exports = {
  mode: "production",
  context: __dirname,
  entry: { bench: "./bench.ts" },
  output: { path: path.join(__dirname, "dist"), filename: "[name].js", chunkFilename: "[name].js", clean: true },
  resolve: { extensions: [".ts", ".tsx", ".js"] },
  module: {
    rules: [{ test: /\\.tsx?$/, exclude: /node_modules[\\\\/](?!\\.cache)/, use: {
      loader: "ts-loader",
      options: { configFile: ${JSON.stringify(join(ROOT, "tsconfig.json"))}, onlyCompileBundledFiles: true,
        transpileOnly: true, compilerOptions: { noEmit: false } } } }],
  },
  plugins: [new HtmlWebpackPlugin({ filename: "index.html", title: "bench" })],
};
`;

/** SCB's table in its code form: region code, marital status, age, sex, birth region, one year's figure. */
function population(): { csv: string; rows: number } {
  const lines = ["Folkmängden efter region, civilstånd, ålder, kön, födelseregion och år", ""];
  lines.push("region;civilstånd;ålder;kön;födelseregion;2024");
  let rows = 0;
  let seed = 1;
  for (const m of municipalities())
    for (const status of ["OG", "G", "SK", "ÄNKL"])
      for (let age = 0; age <= 100; age++)
        for (const sex of ["1", "2"])
          for (const born of ["1", "2", "3", "4", "5"]) {
            seed = (seed * 1103515245 + 12345) % 2147483648;
            lines.push(`${m.code};${status};${age};${sex};${born};${seed % 400}`);
            rows++;
          }
  return { csv: lines.join("\r\n"), rows };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

interface Run {
  wall: number;
  longestGap: number;
  longTasks: number;
  sums: unknown;
}

async function main() {
  mkdirSync(WORK, { recursive: true });
  writeFileSync(join(WORK, "bench.ts"), PAGE);
  writeFileSync(join(WORK, "webpack.config.js"), CONFIG);
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  process.stdout.write("building the page … ");
  execFileSync(process.execPath, [cli, "--config", join(WORK, "webpack.config.js")], {
    cwd: ROOT,
    stdio: "pipe",
  });
  const { csv, rows } = population();
  writeFileSync(join(WORK, "dist", "population.csv"), csv);
  console.log(
    `done; population.csv: ${rows.toLocaleString("en")} rows, ${(csv.length / 1048576).toFixed(1)} MB`,
  );
  const { server, origin } = await serveStatic(join(WORK, "dist"));
  const profile = mkdtempSync(join(tmpdir(), "finsam-bench-worker-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-sync",
    ],
  });
  const runs: Record<"in-thread" | "worker", Run[]> = { "in-thread": [], worker: [] };
  try {
    for (let i = 0; i < RUNS; i++)
      for (const mode of ["in-thread", "worker"] as const) {
        const page = await context.newPage();
        await page.goto(`${origin}/index.html`);
        const run = (await page.evaluate(
          (m) => (window as unknown as { bench: (m: string) => Promise<Run> }).bench(m),
          mode,
        )) as Run;
        runs[mode].push(run);
        console.log(
          `  ${mode.padEnd(9)} wall ${run.wall.toFixed(0)} ms, longest stall ${run.longestGap.toFixed(0)} ms, ` +
            `long tasks ${run.longTasks.toFixed(0)} ms, sums ${JSON.stringify(run.sums)}`,
        );
        await page.close();
      }
  } finally {
    await context.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
  console.log(`\nmedians of ${RUNS} runs each (Chromium)`);
  console.log(`${"".padEnd(44)}${"in-thread".padStart(12)}${"worker".padStart(12)}`);
  for (const [label, key] of [
    ["the read, wall time", "wall"],
    ["longest the page could not run (stall)", "longestGap"],
    ["main-thread long tasks in all", "longTasks"],
  ] as const)
    console.log(
      `${label.padEnd(44)}${`${median(runs["in-thread"].map((r) => r[key])).toFixed(0)} ms`.padStart(12)}` +
        `${`${median(runs.worker.map((r) => r[key])).toFixed(0)} ms`.padStart(12)}`,
    );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
