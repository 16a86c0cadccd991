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

test("the first screen loads what it shows: the population import, the checks and the templates come later", () => {
  const page = readFileSync(join(dir, "taskpane.html"), "utf8");
  const scripts = [...page.matchAll(/<script[^>]*src="?([^" >]+)/g)].map((m) => m[1]);
  // Office.js from Microsoft's CDN, then one script: webpack's runtime, the libraries the first screen renders
  // with, the functions' associations, the ribbon's function file and the pane's first screen, each module once.
  expect(scripts).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js", "taskpane.js"]);
  const files = readdirSync(dir);
  for (const chunk of [
    "population.js",
    "checks.js",
    "templates.js",
    "pane.js",
    "functions-impl.js",
    "i18n-en.js",
  ])
    expect(files).toContain(chunk);
  const initial = scripts
    .slice(1)
    .map((f) => readFileSync(join(dir, f), "utf8"))
    .join("\n");
  // papaparse (its delimiter guess) and jsonstat-toolkit (its tree of a dataset) in the population chunk only.
  const population = readFileSync(join(dir, "population.js"), "utf8");
  for (const marker of [/UndetectableDelimiter/, /__tree__/]) {
    expect(population).toMatch(marker);
    expect(initial).not.toMatch(marker);
  }
  // No catalogue on the first screen (its own few strings, in both languages, are): each language is a chunk
  // of its own, loaded with the rest of the pane, and not copied into the chunks that use it.
  expect(files).toContain("i18n-sv.js");
  expect(initial).not.toMatch(/Insert all|Infoga alla/);
  expect(initial).toMatch(/Välj mall/); // the gallery's label, in Swedish…
  expect(initial).toMatch(/Choose a template/); // …and in English
  expect(readFileSync(join(dir, "i18n-sv.js"), "utf8")).toMatch(/Infoga alla/);
  expect(readFileSync(join(dir, "i18n-en.js"), "utf8")).toMatch(/Insert all/);
  for (const chunk of ["pane.js", "functions-impl.js", "templates.js"])
    expect([chunk, /Infoga alla|Insert all/.test(readFileSync(join(dir, chunk), "utf8"))]).toEqual([
      chunk,
      false,
    ]);
  // Fluent's Radio, Spinner and Field, the form's components, are not on the first screen: the gallery is the
  // browser's own radio buttons.
  expect(initial).not.toMatch(/fui-Radio__indicator|fui-Spinner|fui-Field__validationMessage/);
});

test("the population worker is its own chunk, started by URL from the import's chunk: no eval, no blob", () => {
  const worker = readFileSync(join(dir, "population-worker.js"), "utf8");
  const population = readFileSync(join(dir, "population.js"), "utf8");
  const page = readFileSync(join(dir, "taskpane.html"), "utf8");
  expect(page).not.toMatch(/population-worker/);
  // The worker runs the same readers: papaparse and jsonstat-toolkit are in it.
  for (const marker of [/UndetectableDelimiter/, /__tree__/]) expect(worker).toMatch(marker);
  // webpack's form for `new Worker(new URL("./populationWorker.ts", import.meta.url))`: a same-origin script,
  // which the page's script-src 'self' allows.
  expect(population).toMatch(/new Worker\(new URL\(/);
  for (const code of [worker, population]) {
    expect(code).not.toMatch(/\beval\(|new Function\(/);
    expect(code).not.toMatch(/createObjectURL\([^)]*\)\s*\)?\s*;?\s*new Worker/);
  }
});
