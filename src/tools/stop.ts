/** `npm stop`: stops the dev server that `npm start` started (and, on Windows/macOS, the sideload). */
import { canSideload, clearPid, isAlive, officeAddinDebugging, readPid } from "./devServer";

async function main(): Promise<number> {
  if (canSideload) officeAddinDebugging("stop");
  const pid = readPid();
  if (!pid) {
    clearPid();
    console.log("No dev server started by npm start is running.");
    return 0;
  }
  try {
    process.kill(-pid, "SIGTERM"); // the whole process group started detached
  } catch {
    process.kill(pid, "SIGTERM");
  }
  for (let i = 0; i < 50 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) process.kill(pid, "SIGKILL");
  clearPid();
  console.log(`Stopped the dev server (pid ${pid}).`);
  return 0;
}

main().then((code) => process.exit(code));
