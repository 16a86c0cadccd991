/**
 * Benchmarks (numbers, not assertions), `npm run bench`:
 *  - every custom function at 50, 10³, 10⁵ and 10⁶ rows: ns per row, and the ratio to a plain loop over the
 *    same nested arrays (for a function whose result spills, the loop also writes a result of that shape;
 *    for a function of single values, a row is one call, as a column of formulas makes it);
 *  - the templates built and rendered headlessly;
 *  - `finsam --help` from the bundled build against `node -e 0`;
 *  - `finsam check` on a 100 000-row statement against a bare streaming parse of the file (`npm run bench -- check`).
 * Run a subset with `npm run bench -- FEESPLIT IMPACTINDEX` (ids), `--quick` for 50 to 10⁵ rows.
 * `npm run bench` runs this file bundled into one scope (esbuild, lib/bench.cjs), as the add-in ships its
 * functions (webpack's production build concatenates modules): a module-per-file loader such as tsx puts an
 * export getter on every call between modules, which is not what runs in Excel.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import {
  checkSum,
  costSplit,
  equityCap,
  feeSplit,
  financing,
  goalMet,
  impactIndex,
  loadFunctions,
  soliditet,
  topShare,
  weightCheck,
} from "../functions/functions";
import { EXAMPLE_OPTIONS, TEMPLATE_IDS, TEMPLATES } from "../templates";
import { HeadlessWorkbook } from "../workbook/headless/headlessWorkbook";
import { benchCheck, repositoryRoot } from "./benchCheck";

type Grid = unknown[][];
interface Case {
  id: string;
  /** The arguments for n rows. */
  make(n: number): unknown[];
  run(args: unknown[]): unknown;
  /** The plain loop: reads every cell of the range arguments (and writes a result of the spilled shape). */
  baseline(args: unknown[]): unknown;
  /** A function of single values: a row is one call. */
  perCall?: boolean;
}

const column = (n: number, f: (i: number) => unknown): Grid => Array.from({ length: n }, (_, i) => [f(i)]);

/** Reads every cell of the grids among `args`; with `spill`, also writes a grid of that shape. */
function plainLoop(args: unknown[], spill?: { rows: number; columns: number }): number {
  let sum = 0;
  for (const a of args) {
    if (!Array.isArray(a)) continue;
    for (let r = 0; r < a.length; r++) {
      const row = a[r] as unknown[];
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        sum += typeof v === "number" ? v : v === true ? 1 : 0;
      }
    }
  }
  if (spill) {
    const out: number[][] = new Array(spill.rows);
    for (let r = 0; r < spill.rows; r++) {
      const row = new Array<number>(spill.columns);
      for (let c = 0; c < spill.columns; c++) row[c] = sum;
      out[r] = row;
    }
    return out.length;
  }
  return sum;
}

const AREAS = ["Område 0", "Område 1", "Område 2", "Område 3", "Område 4"];
const CASES: Case[] = [
  {
    id: "IMPACTINDEX",
    make: (n) => [column(n, (i) => 1 + (i % 10)), column(n, (i) => i % 3 !== 0)],
    run: ([w, a]) => impactIndex(w as Grid, a as Grid),
    baseline: (args) => plainLoop(args),
  },
  {
    id: "IMPACTINDEX (one area)",
    make: (n) => [
      column(n, (i) => 1 + (i % 10)),
      column(n, (i) => i % 3 !== 0),
      column(n, (i) => AREAS[i % 5]),
      "Område 3",
    ],
    run: ([w, a, areas, area]) => impactIndex(w as Grid, a as Grid, areas as Grid, area),
    baseline: (args) => plainLoop(args),
  },
  {
    id: "FEESPLIT",
    make: (n) => [column(n, (i) => 1000 + ((i * 7919) % 50_000)), 123_456_789],
    run: ([p, total]) => feeSplit(p as Grid, total),
    baseline: (args) => plainLoop(args, { rows: (args[0] as Grid).length, columns: 1 }),
  },
  {
    id: "FINANCING",
    make: (n) => [5690, column(n, (i) => 1000 + ((i * 7919) % 50_000)), 3],
    run: ([state, p, d]) => financing(state, p as Grid, d),
    baseline: (args) => plainLoop(args, { rows: (args[1] as Grid).length + 1, columns: 1 }),
  },
  {
    id: "EQUITYCAP (n steps)",
    make: (n) => [
      11_583,
      1000,
      Array.from({ length: n }, (_, i) => [i === n - 1 ? null : (i + 1) * 1000, 0.1 + (i % 5) / 100]),
    ],
    run: ([base, unit, steps]) => equityCap(base, unit, steps as Grid),
    baseline: (args) => plainLoop(args),
  },
  {
    id: "WEIGHTCHECK",
    make: (n) => [
      column(n, (i) => AREAS[i % 5]),
      column(n, (i) => 1 + (i % 10)),
      AREAS.map((a) => [a]),
      AREAS.map(() => [1]),
    ],
    run: ([areas, weights, names, points]) =>
      weightCheck(areas as Grid, weights as Grid, names as Grid, points as Grid),
    baseline: (args) => plainLoop(args),
  },
  {
    id: "TOPSHARE",
    make: (n) => [column(n, (i) => (i * 31) % 100), 3],
    run: ([counts, top]) => topShare(counts as Grid, top),
    baseline: (args) => plainLoop(args),
  },
  {
    id: "CHECKSUM",
    make: (n) => {
      const parts = column(n, (i) => (i % 100) + 0.25);
      return [parts, parts.reduce((s, [v]) => s + (v as number), 0), 1];
    },
    run: ([parts, total, rounding]) => checkSum(parts as Grid, total, rounding),
    baseline: (args) => plainLoop(args),
  },
  {
    id: "COSTSPLIT",
    make: (n) => [column(n, (i) => -(100 + (i % 900))), Array.from({ length: n }, () => [0.5, 0.3, 0.2]), 0],
    run: ([amounts, shares, d]) => costSplit(amounts as Grid, shares as Grid, d),
    baseline: (args) => plainLoop(args, { rows: 1, columns: 3 }),
  },
  {
    id: "GOALMET (a call per row)",
    make: (n) => [column(n, (i) => (i % 100) / 100)],
    run: ([actual]) => {
      let met = 0;
      // Indexed, as the baseline loop walks the same arrays: the time is the calls', not an iterator's.
      const g = actual as Grid;
      for (let i = 0; i < g.length; i++) if (goalMet(g[i][0], 0.5, 0.05, null, null, null)) met++;
      return met;
    },
    baseline: (args) => plainLoop(args),
    perCall: true,
  },
  {
    id: "SOLIDITET (a call per row)",
    make: (n) => [column(n, (i) => 100 + i)],
    run: ([equity]) => {
      let sum = 0;
      const g = equity as Grid;
      for (let i = 0; i < g.length; i++) sum += soliditet(g[i][0], 1_000_000);
      return sum;
    },
    baseline: (args) => plainLoop(args),
    perCall: true,
  },
];

/**
 * Median ns per row over enough runs to take at least ~150 ms (at least 3 runs, at most 200); a run repeats
 * small ranges so that it covers about 20 000 rows, well above the timer's resolution.
 */
function nsPerRow(n: number, fn: () => unknown): number {
  const repeat = Math.max(1, Math.ceil(20_000 / n));
  const once = () => {
    for (let i = 0; i < repeat; i++) fn();
  };
  once(); // warm-up (and the JIT)
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < 200 && (i < 3 || performance.now() - started < 150); i++) {
    const t = performance.now();
    once();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return (times[times.length >> 1] * 1e6) / (n * repeat);
}

const argv = process.argv.slice(2);
const quick = argv.includes("--quick");
const wanted = argv.filter((a) => !a.startsWith("--"));
const SIZES = quick ? [50, 1_000, 100_000] : [50, 1_000, 100_000, 1_000_000];
const fmt = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));

/** The functions as Excel calls them once their implementation has arrived (the pane preloads it). */
async function main(): Promise<void> {
  await loadFunctions();
  console.log("Custom functions: ns per row (plain loop over the same arrays), ratio");
  console.log(
    `${"function".padEnd(28)}${SIZES.map((s) => `${s.toLocaleString("en").padStart(26)}`).join("")}`,
  );
  for (const c of CASES) {
    if (wanted.length > 0 && !wanted.some((w) => c.id.startsWith(w))) continue;
    const cells = SIZES.map((n) => {
      const args = c.make(n);
      const f = nsPerRow(n, () => c.run(args));
      const base = nsPerRow(n, () => c.baseline(args));
      return `${fmt(f)} (${fmt(base)}) ${fmt(f / base)}×`.padStart(26);
    });
    console.log(`${c.id.padEnd(28)}${cells.join("")}`);
  }

  if (wanted.length === 0) {
    console.log("\nTemplates (example content)");
    const time = (label: string, runs: number, fn: () => unknown) => {
      fn();
      const start = performance.now();
      for (let i = 0; i < runs; i++) fn();
      console.log(
        `${label.padEnd(58)} ${((performance.now() - start) / runs).toFixed(3).padStart(9)} ms/run`,
      );
    };
    for (const id of TEMPLATE_IDS) {
      time(`template ${id}: build the spec`, 20, () => TEMPLATES[id](EXAMPLE_OPTIONS));
      time(`template ${id}: render and evaluate headlessly`, 5, () =>
        new HeadlessWorkbook().insert(TEMPLATES[id](EXAMPLE_OPTIONS)),
      );
    }

    // The command's start-up against Node's own: `finsam --help` from the bundled build (npm run build:cli).
    const median = (args: string[]) => {
      const times: number[] = [];
      for (let i = 0; i < 7; i++) {
        const start = performance.now();
        spawnSync(process.execPath, args, { stdio: "ignore" });
        times.push(performance.now() - start);
      }
      return times.sort((a, b) => a - b)[3];
    };
    const root = repositoryRoot();
    const built = join(root, "lib", "finsam.cjs");
    if (!existsSync(built)) console.log("finsam --help: lib/finsam.cjs is not built (npm run build:cli)");
    else {
      const node = median(["-e", "0"]);
      const help = median([join(root, "src", "tools", "finsam.cjs"), "--help"]);
      console.log(
        `\n${"finsam --help (built) against node -e 0".padEnd(58)} ${help.toFixed(0).padStart(6)} ms / ${node.toFixed(0)} ms = ${(help / node).toFixed(1)}×`,
      );
    }
  }

  // finsam check on a 100 000-row statement against a bare streaming parse of the same file (benchCheck.ts).
  if (wanted.length === 0 || wanted.includes("check")) await benchCheck();
}

void main();
