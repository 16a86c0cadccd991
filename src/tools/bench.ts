/**
 * Benchmarks (numbers, not assertions): the custom functions on large ranges and the templates built and
 * rendered headlessly. Run with `npx tsx src/tools/bench.ts`.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { feeSplit, impactIndex, weightCheck } from "../functions/functions";
import { EXAMPLE_OPTIONS, TEMPLATE_IDS, TEMPLATES } from "../templates";
import { HeadlessWorkbook } from "../workbook/headless/headlessWorkbook";

function time(label: string, runs: number, fn: () => unknown): void {
  fn(); // warm-up
  const start = performance.now();
  for (let i = 0; i < runs; i++) fn();
  const ms = (performance.now() - start) / runs;
  console.log(`${label.padEnd(58)} ${ms.toFixed(3).padStart(9)} ms/run`);
}

const n = 100_000;
const weights = Array.from({ length: n }, (_, i) => [1 + (i % 10)]);
const reached = Array.from({ length: n }, (_, i) => [i % 3 !== 0]);
const areas = Array.from({ length: n }, (_, i) => [`Område ${i % 5}`]);
const populations = Array.from({ length: 10_000 }, (_, i) => [1000 + ((i * 7919) % 50_000)]);

time("IMPACTINDEX, 100 000 indicators", 10, () => impactIndex(weights, reached));
time("IMPACTINDEX, 100 000 indicators, one area of five", 10, () =>
  impactIndex(weights, reached, areas, "Område 3"),
);
time("FEESPLIT, 10 000 municipalities", 10, () => feeSplit(populations, 123_456_789));
time("WEIGHTCHECK, 100 000 indicators in 5 areas", 10, () =>
  weightCheck(
    areas,
    weights,
    [["Område 0"], ["Område 1"], ["Område 2"], ["Område 3"], ["Område 4"]],
    [[1], [1], [1], [1], [1]],
  ),
);
for (const id of TEMPLATE_IDS) {
  time(`template ${id}: build the spec`, 20, () => TEMPLATES[id](EXAMPLE_OPTIONS));
  time(`template ${id}: render and evaluate headlessly`, 5, () =>
    new HeadlessWorkbook().insert(TEMPLATES[id](EXAMPLE_OPTIONS)),
  );
}

// The command's start-up against Node's own: `finsam --help` from the bundled build (npm run build:cli).
{
  const median = (args: string[]) => {
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      const start = performance.now();
      spawnSync(process.execPath, args, { stdio: "ignore" });
      times.push(performance.now() - start);
    }
    return times.sort((a, b) => a - b)[3];
  };
  const built = join(__dirname, "..", "..", "lib", "finsam.cjs");
  if (!existsSync(built)) console.log("finsam --help: lib/finsam.cjs is not built (npm run build:cli)");
  else {
    const node = median(["-e", "0"]);
    const help = median([join(__dirname, "finsam.cjs"), "--help"]);
    console.log(
      `${"finsam --help (built) against node -e 0".padEnd(58)} ${help.toFixed(0).padStart(6)} ms / ${node.toFixed(0)} ms = ${(help / node).toFixed(1)}×`,
    );
  }
}
