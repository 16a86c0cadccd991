import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Issue 9: what ships. The production bundle carries no HyperFormula (GPL, tests and tools only) and no
 * workbench source, and its page has the Content-Security-Policy. Uses dist/ when a production build is
 * there (CI builds first), else builds one into a temporary folder.
 */
const ROOT = join(__dirname, "..", "..");
jest.setTimeout(240_000);

let dir: string;
let temporary = false;
beforeAll(() => {
  const dist = join(ROOT, "dist");
  const built = existsSync(join(dist, "taskpane.js")) && !existsSync(join(dist, "workbench.html"));
  if (built) dir = dist;
  else {
    dir = mkdtempSync(join(tmpdir(), "finsam-dist-"));
    temporary = true;
    const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
    execFileSync(process.execPath, [cli, "--mode", "production", "--output-path", dir], {
      cwd: ROOT,
      stdio: "pipe",
    });
  }
});
afterAll(() => {
  if (temporary) rmSync(dir, { recursive: true, force: true });
});

test("the production bundle has no HyperFormula and no workbench, and the page has its CSP", () => {
  const files = readdirSync(dir);
  expect(files).not.toContain("workbench.html");
  expect(files.some((f) => /workbench/i.test(f))).toBe(false);
  const scripts = files.filter((f) => f.endsWith(".js"));
  expect(scripts.length).toBeGreaterThan(2);
  for (const f of scripts) {
    const code = readFileSync(join(dir, f), "utf8");
    expect([f, /hyperformula|HyperFormula|licenseKey.*gpl-v3/.test(code)]).toEqual([f, false]);
    expect([f, /GridView|headlessService|Arbetsbänk/.test(code)]).toEqual([f, false]);
  }
  const page = readFileSync(join(dir, "taskpane.html"), "utf8");
  expect(page).toMatch(/http-equiv="?Content-Security-Policy/);
  expect(page).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com/);
  expect(page).not.toMatch(/unsafe-eval/);
});
