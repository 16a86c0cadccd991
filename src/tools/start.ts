/**
 * `npm start`. Where Excel desktop can sideload (Windows, macOS) it does what Microsoft's templates do:
 * office-addin-debugging builds, serves and sideloads manifest.xml. Elsewhere (Linux, CI) it starts the
 * dev server in the background, waits until it answers, and prints how to load the add-in into Excel on
 * the web. `npm stop` stops what this started.
 */
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { duration, followProgress, lastDuration, saveDuration } from "./buildProgress";
import {
  LOG_FILE,
  STATE_DIR,
  PORT,
  ROOT,
  canSideload,
  isAlive,
  officeAddinDebugging,
  openLog,
  readPid,
  waitForServer,
  writePid,
} from "./devServer";

async function main(): Promise<number> {
  if (canSideload) return officeAddinDebugging("start");

  const running = readPid();
  if (running) {
    console.log(`The dev server is already running (pid ${running}). Stop it with: npm stop`);
    printHowTo(`https://localhost:${PORT}`);
    return 0;
  }

  const timing = join(STATE_DIR, "last-start.json");
  const usual = lastDuration(timing);
  console.log(
    `Building and starting the dev server (webpack serve, development): ${
      usual
        ? `the last start here took ${duration(usual)}.`
        : "about 2 minutes on a 2-core machine, less on a faster one."
    }`,
  );
  const started = Date.now();
  const log = openLog();
  const webpackCli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  const child = spawn(process.execPath, [webpackCli, "serve", "--mode", "development", "--progress"], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", log, log],
    env: process.env,
  });
  child.unref();
  if (!child.pid) {
    console.error("Could not start the dev server.");
    return 1;
  }
  writePid(child.pid);

  // A line per stage of webpack's build (its progress, from the server's log), with the time so far.
  const stop = followProgress(LOG_FILE, (line) => console.log(line), started);
  const origin = await waitForServer(300_000, () => isAlive(child.pid as number));
  stop();
  if (!origin) {
    console.error(`The dev server did not come up. The end of ${LOG_FILE}:\n`);
    console.error(tail(LOG_FILE, 30));
    return 1;
  }
  saveDuration(timing, Date.now() - started);
  console.log(
    `\nReady in ${duration(Date.now() - started)}. The add-in is served at ${origin}/taskpane.html (pid ${child.pid}, log in ${LOG_FILE}).`,
  );
  printHowTo(origin);
  openInBrowser(`${origin}/workbench.html`);
  return 0;
}

/** Opens the workbench where a desktop browser is at hand; says so either way. */
function openInBrowser(url: string): void {
  const graphical = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  const opener = spawnSync("sh", ["-c", "command -v xdg-open"], { encoding: "utf8" }).stdout.trim();
  if (graphical && opener && process.env.CI !== "true") {
    spawn(opener, [url], { detached: true, stdio: "ignore" }).unref();
    console.log(`\nOpening the workbench in your browser: ${url}`);
  }
}

function printHowTo(origin: string): void {
  const manifest = join(ROOT, "manifest.xml");
  console.log(`
Try it without Excel — the workbench (the task pane beside a live spreadsheet, a development tool):
  ${origin}/workbench.html
  (the certificate is not trusted on this machine: accept it in the browser once)

Excel desktop cannot sideload on ${process.platform}; to use the add-in in Excel on the web:
  1. Open a workbook at https://www.office.com (Excel on the web).
  2. Home › Add-ins › More add-ins › My add-ins › Upload my add-in, and choose
       ${manifest}
  3. Click "FINSAM-mallar" on the Home tab; type =FINSAM.IMPACTINDEX(…) in a cell.
  Excel on the web needs the page over https from a certificate your browser trusts:${
    origin.startsWith("http:")
      ? "\n  this server runs on plain http, so Excel will not load it (set up a certificate and restart)."
      : ""
  }
  open ${origin}/taskpane.html once and accept the certificate, or trust ~/.office-addin-dev-certs/ca.crt.

On Windows or macOS, "npm start" sideloads into Excel desktop by itself.
Stop the server with: npm stop`);
}

function tail(file: string, lines: number): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(String(error?.message ?? error));
    process.exit(1);
  },
);
