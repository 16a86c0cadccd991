import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  duration,
  followProgress,
  lastDuration,
  lastStage,
  saveDuration,
} from "../../src/tools/buildProgress";

/** What `npm start` prints while webpack builds: the stage from webpack's progress, the time it took before. */
test("the last stage of webpack's progress in a log", () => {
  const log = [
    "<i> [webpack-dev-server] Project is running at:",
    "<i> [webpack.Progress] 10% building 0/3 entries 0/0 dependencies 0/0 modules",
    "<i> [webpack.Progress] 65% building 12/30 entries 800/900 dependencies 400/600 modules",
    "<i> [webpack.Progress] 91% sealing asset processing TerserPlugin",
  ].join("\n");
  expect(lastStage(log)).toEqual({ percent: 91, stage: "sealing asset processing" });
  expect(lastStage(log.split("\n").slice(0, 3).join("\r"))).toEqual({ percent: 65, stage: "building" });
  expect(lastStage("<i> [webpack.Progress] 100%\n")).toBeNull();
  expect(lastStage("no progress here")).toBeNull();
});

test("durations as a person reads them, and the last one kept for next time", () => {
  expect(duration(106_000)).toBe("1 min 46 s");
  expect(duration(19_400)).toBe("19 s");
  const dir = mkdtempSync(join(tmpdir(), "finsam-progress-"));
  try {
    const file = join(dir, "last.json");
    expect(lastDuration(file)).toBeNull();
    saveDuration(file, 106_000);
    expect(lastDuration(file)).toBe(106_000);
    writeFileSync(file, "not json");
    expect(lastDuration(file)).toBeNull();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a line each time the stage changes", async () => {
  const dir = mkdtempSync(join(tmpdir(), "finsam-progress-"));
  const log = join(dir, "server.log");
  const lines: string[] = [];
  const stop = followProgress(log, (line) => lines.push(line), Date.now(), 10);
  try {
    const wait = () => new Promise((r) => setTimeout(r, 60));
    await wait();
    writeFileSync(log, "<i> [webpack.Progress] 10% building 0/3 entries\n");
    await wait();
    writeFileSync(
      log,
      "<i> [webpack.Progress] 10% building 0/3 entries\n<i> [webpack.Progress] 20% building 1/3\n",
    );
    await wait();
    writeFileSync(log, "<i> [webpack.Progress] 92% sealing asset processing\n");
    await wait();
  } finally {
    stop();
    rmSync(dir, { recursive: true, force: true });
  }
  expect(lines.map((l) => l.replace(/\(.*\)/, "").trim())).toEqual([
    "10 %  building",
    "92 %  sealing asset processing",
  ]);
});
