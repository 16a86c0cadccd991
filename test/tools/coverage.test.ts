import { join } from "node:path";
import { byFolder, EXEMPT_FILES } from "../../src/tools/coverage";

const ROOT = join(__dirname, "..", "..");
const at = (file: string) => join(ROOT, file);
const totals = (covered: number, total: number) => ({
  lines: { covered, total },
  statements: { covered, total },
  functions: { covered, total },
  branches: { covered, total },
});

test("coverage by folder adds up the files of each folder, leaving out the listed entry points", () => {
  const folders = byFolder({
    total: totals(0, 0),
    [at("src/domain/budget.ts")]: totals(9, 10),
    [at("src/domain/rounding.ts")]: totals(1, 10),
    [at("src/tools/cli.ts")]: totals(8, 10),
    [at("src/tools/bench.ts")]: totals(0, 100),
  });
  expect(folders.get("src/domain")?.lines).toEqual({ covered: 10, total: 20 });
  expect(folders.get("src/tools")?.lines).toEqual({ covered: 8, total: 10 });
  for (const reason of Object.values(EXEMPT_FILES)) expect(reason.length).toBeGreaterThan(20);
});
