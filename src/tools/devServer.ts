import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { get as getHttp } from "node:http";
import { get as getHttps } from "node:https";
import { join } from "node:path";

/**
 * The background dev server that `npm start` starts and `npm stop` stops, as Microsoft's
 * office-addin-debugging does: its pid and log live in .finsam/ at the top of the repository.
 */
export const ROOT = join(__dirname, "..", "..");
export const STATE_DIR = join(ROOT, ".finsam");
export const PID_FILE = join(STATE_DIR, "dev-server.pid");
export const LOG_FILE = join(STATE_DIR, "dev-server.log");
export const PORT = Number(process.env.npm_package_config_dev_server_port || 3000);

export function readPid(): number | null {
  if (!existsSync(PID_FILE)) return null;
  const pid = Number(readFileSync(PID_FILE, "utf8").trim());
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : null;
}

export function writePid(pid: number): void {
  mkdirSync(STATE_DIR, { recursive: true });
  writeFileSync(PID_FILE, String(pid));
}

export function clearPid(): void {
  rmSync(PID_FILE, { force: true });
}

export function openLog(): number {
  mkdirSync(STATE_DIR, { recursive: true });
  return openSync(LOG_FILE, "w");
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Polls the server until a page answers, on https or http; resolves with the working origin, or null. */
export async function waitForServer(
  timeoutMs: number,
  isStillRunning: () => boolean,
): Promise<string | null> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && isStillRunning()) {
    for (const origin of [`https://localhost:${PORT}`, `http://localhost:${PORT}`]) {
      if (await answers(`${origin}/taskpane.html`)) return origin;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  return null;
}

function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const get = url.startsWith("https:") ? getHttps : getHttp;
    const req = get(url, { rejectUnauthorized: false, timeout: 2000 }, (res) => {
      res.resume();
      resolve((res.statusCode ?? 500) < 400);
    });
    req.on("error", () => resolve(false));
    req.on("timeout", () => {
      req.destroy();
      resolve(false);
    });
  });
}

/** Where Excel desktop can sideload (Windows, macOS), npm start/stop hand over to Microsoft's tool. */
export const canSideload =
  (process.platform === "win32" || process.platform === "darwin") && process.env.FINSAM_NO_SIDELOAD !== "1";

/** Runs office-addin-debugging (fetched by npx: its keytar dependency does not build on Linux). */
export function officeAddinDebugging(command: "start" | "stop"): number {
  const npx = process.platform === "win32" ? "npx.cmd" : "npx";
  const args = [
    "--yes",
    "office-addin-debugging@7",
    command,
    "manifest.xml",
    ...(command === "start" ? ["desktop"] : []),
  ];
  const result = spawnSync(npx, args, { cwd: ROOT, stdio: "inherit", shell: process.platform === "win32" });
  return result.status ?? 1;
}
