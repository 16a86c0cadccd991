import { existsSync, readFileSync, writeFileSync } from "node:fs";

/**
 * What `npm start` says while webpack builds: the stage webpack's progress reports in the dev server's log
 * (`webpack serve --progress`), a line each time it changes, with the time so far; and, before that, how long
 * the build took the last time on this machine (kept beside the log).
 */

/** The last stage in webpack's progress output ("[webpack.Progress] 42% building 12/30 modules …"). */
export function lastStage(log: string): { percent: number; stage: string } | null {
  const lines = log.split(/[\r\n]+/);
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = /(\d{1,3})% ([a-z][a-z ]*?)(?=\s+\d|\s*$|\s+[A-Z[(]|\s{2})/.exec(lines[i]);
    if (m) return { percent: Number(m[1]), stage: m[2].trim() };
  }
  return null;
}

/** "about 1 min 46 s" */
export function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}

/** The time the last start took here, or null. */
export function lastDuration(file: string): number | null {
  try {
    const value = JSON.parse(readFileSync(file, "utf8")).ms;
    return typeof value === "number" && value > 0 ? value : null;
  } catch {
    return null;
  }
}

export function saveDuration(file: string, ms: number): void {
  try {
    writeFileSync(file, JSON.stringify({ ms }));
  } catch {
    // Only a hint for next time.
  }
}

/**
 * Polls `logFile` every `everyMs` and prints a line when webpack's stage changes; returns a function that
 * stops polling.
 */
export function followProgress(
  logFile: string,
  print: (line: string) => void,
  started = Date.now(),
  everyMs = 1000,
): () => void {
  let last = "";
  const timer = setInterval(() => {
    if (!existsSync(logFile)) return;
    const found = lastStage(readFileSync(logFile, "utf8").slice(-20_000));
    if (!found || found.stage === last) return;
    last = found.stage;
    print(`  ${String(found.percent).padStart(3)} %  ${found.stage} (${duration(Date.now() - started)})`);
  }, everyMs);
  return () => clearInterval(timer);
}
