/**
 * End to end in a real browser: Debian's Chromium driven by playwright-core, against the workbench and
 * the task pane page served on 127.0.0.1. Screenshots go to test-results/screenshots (not in git).
 * Needs /usr/bin/chromium (`apt-get install -y chromium`; .ci/run installs it). Without it the suite is
 * skipped on a developer machine with a warning, and fails in CI.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Server } from "node:http";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { WORKER_THRESHOLD_BYTES } from "../../src/population/offThread";
import { serveStatic } from "../../src/tools/staticServer";
import { seriousFindings } from "../helpers/axe";

const ROOT = join(__dirname, "..", "..");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const OUT = join(ROOT, "test-results", "e2e-dist");
const SHOTS = join(ROOT, "test-results", "screenshots");
const available = existsSync(CHROMIUM);
if (!available && process.env.CI)
  throw new Error(`${CHROMIUM} is missing: CI must install it (apt-get install -y chromium)`);
if (!available) console.warn(`Browser tests skipped: ${CHROMIUM} not found (apt-get install -y chromium).`);
const describeBrowser = available ? describe : describe.skip;

jest.setTimeout(240_000);

describeBrowser("in Chromium", () => {
  let server: Server;
  let origin: string;
  let context: BrowserContext;
  let profile: string;
  const requests: string[] = [];

  beforeAll(async () => {
    // The development build: it carries the workbench (the production build does not).
    // FINSAM_E2E_PREBUILT=1 reuses the last build in test-results/e2e-dist (a rerun after a test change only).
    const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
    if (!process.env.FINSAM_E2E_PREBUILT || !existsSync(join(OUT, "workbench.html")))
      execFileSync(process.execPath, [cli, "--mode", "development", "--output-path", OUT], {
        cwd: ROOT,
        stdio: "pipe",
      });
    ({ server, origin } = await serveStatic(OUT));
    mkdirSync(SHOTS, { recursive: true });
    profile = mkdtempSync(join(tmpdir(), "finsam-chromium-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1500, height: 950 },
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        // Nothing resolves but this machine: a request that was not answered locally cannot leave it.
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
      ],
    });
    context.on("request", (r) => requests.push(r.url()));
  }, 900_000);

  afterAll(async () => {
    await context?.close();
    server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  /** The cell in the row labelled `label` (column A) and column `column` of the visible sheet. */
  const cellInRow = (page: Page, label: string, column: string, nth = 0) =>
    page
      .locator("table[data-sheet] tr")
      .filter({ has: page.locator(`td[data-address^="A"]`, { hasText: new RegExp(`^\\s*${label}$`) }) })
      .nth(nth)
      .locator(`td[data-address^="${column}"]`);

  async function typeInto(page: Page, cell: ReturnType<typeof cellInRow>, text: string) {
    await cell.click();
    const box = page.getByRole("textbox", { name: "Cellens innehåll" });
    await box.fill(text);
    await page.getByRole("button", { name: "Ange", exact: true }).click();
  }

  test("the workbench: insert every template, change an input, break a figure, find it", async () => {
    const page = await context.newPage();
    await page.goto(`${origin}/workbench.html`);
    await page.getByText("Arbetsbänk för utveckling och demonstration").waitFor();
    await page.getByRole("radio", { name: /^Exempel/ }).check();
    await page.getByRole("button", { name: "Infoga alla" }).click();
    await page
      .getByText(
        /^Infogat: Budget, Utfall mot budget, Avgiftsfördelning, Social budget, Impactindex, Årsbokslut, Uppföljning, Kontoplan\./,
      )
      .waitFor();
    for (const name of [
      "Budget",
      "Utfall mot budget",
      "Avgiftsfördelning",
      "Social budget",
      "Impactindex",
      "Årsbokslut",
    ]) {
      await page.getByRole("tab", { name, exact: true }).click();
      await page.locator(`table[data-sheet="${name}"]`).waitFor();
      await page.screenshot({
        path: join(SHOTS, `workbench-${name.toLowerCase().replace(/ /g, "-").replace("ö", "o")}.png`),
      });
    }

    // Budget: the board's figures, then a change of the state's allotment moves income, result and equity.
    await page.getByRole("tab", { name: "Budget", exact: true }).click();
    await expectText(cellInRow(page, "Summa intäkter", "C"), "11 489");
    await expectText(cellInRow(page, "Resultat", "C"), "-1 146");
    await expectText(cellInRow(page, "Eget kapital vid årets slut", "E"), "783");
    await typeInto(page, cellInRow(page, "Försäkringskassan", "C"), "5 700");
    await expectText(cellInRow(page, "Summa intäkter", "C"), "11 499");
    await expectText(cellInRow(page, "Eget kapital vid årets slut", "E"), "793");
    await page.screenshot({ path: join(SHOTS, "workbench-budget-changed.png") });

    // Avgiftsfördelning: the municipalities add up to exactly the region's 2 845.
    await page.getByRole("tab", { name: "Avgiftsfördelning", exact: true }).click();
    await expectText(cellInRow(page, "Region Västerbotten", "E"), "2 845");
    await expectText(cellInRow(page, "Umeå kommun", "E", 1), "2 361");

    // Utfall mot budget: a printed subtotal off by 10 tkr is found, and its button selects the cell.
    await page.getByRole("tab", { name: "Utfall mot budget", exact: true }).click();
    const subtotal = cellInRow(page, "Summa kansli och styrelse", "B");
    const address = await subtotal.getAttribute("data-address");
    const printed = Number((await subtotal.innerText()).replace(/\s/g, "").replace("-", "-"));
    await typeInto(page, subtotal, String(printed - 10));
    await page.getByRole("button", { name: "Kontrollera arbetsboken" }).click();
    const findings = page.getByRole("list", { name: "Resultat av kontrollen" });
    const item = findings.getByRole("listitem").filter({ hasText: "Summa kansli och styrelse (Utfall)" });
    await item.waitFor();
    await page.getByRole("tab", { name: "Budget", exact: true }).click();
    await item.getByRole("button", { name: `Visa Utfall mot budget!${address}` }).click();
    await expectText(page.getByTestId("selected-address"), `Utfall mot budget!${address}`);
    await page.screenshot({ path: join(SHOTS, "workbench-check-finding.png") });

    // No request left this machine's own origin.
    expect(requests.filter((url) => !url.startsWith(origin))).toEqual([]);
    expect(requests.length).toBeGreaterThan(2);
    await page.close();
  });

  test("the fee key from SCB: members chosen by name, fetched (answered by recorded fixtures), provenance on the sheet", async () => {
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const fixtures = join(ROOT, "test", "fixtures", "scb");
    const answered: string[] = [];
    const refused: string[] = [];
    // SCB's API answered here from the fixture written from SCB's API description; anything else outside this
    // origin is refused and recorded.
    await page.route(
      (url) => !url.href.startsWith(origin),
      (route) => {
        const url = route.request().url();
        if (url.startsWith("https://statistikdatabasen.scb.se/api/v2/tables/TAB638/data?")) {
          answered.push(url);
          return route.fulfill({
            status: 200,
            path: join(fixtures, "api-v2-data.json"),
            contentType: "application/json",
            headers: { "access-control-allow-origin": "*" },
          });
        }
        refused.push(url);
        return route.abort("blockedbyclient");
      },
    );
    const external: string[] = [];
    page.on("request", (r) => {
      if (!r.url().startsWith(origin)) external.push(r.url());
    });
    await page.goto(`${origin}/workbench.html`);
    await page.getByText("Arbetsbänk för utveckling och demonstration").waitFor();
    // A blank start: no members, the next calendar year.
    expect(await page.getByRole("group", { name: /^Kommun \d/ }).count()).toBe(0);
    const members = ["Umeå", "Vännäs kommun", "Vindelns kommun", "Robertsfors", "Nordmaling"];
    for (const [i, name] of members.entries()) {
      await page.getByRole("button", { name: "Lägg till kommun" }).click();
      const box = page
        .getByRole("group", { name: `Kommun ${i + 1}` })
        .getByRole("combobox", { name: "Kommun" });
      if (i === 0) {
        await box.pressSequentially("Ume");
        await page.getByRole("option", { name: "Umeå (2480)" }).click();
      } else await box.fill(name);
    }
    await expectText(
      page.getByText("Regionen följer av kommunkoderna: Region Västerbotten."),
      "Regionen följer av kommunkoderna: Region Västerbotten.",
    );
    await page.getByLabel("Första budgetår").fill("2026");
    await page.getByLabel("Statlig tilldelning (tkr)").fill("5690");
    await page.getByLabel("Referensår (31 december)").fill("2024");
    await page.getByRole("button", { name: "Hämta från SCB" }).click();
    await page
      .getByText(/^Befolkning 20–64 år per 2024-12-31 för 5 kommuner inläst från SCB:s API \(version 2\)/)
      .waitFor();
    expect(answered).toHaveLength(1);
    expect(new URL(answered[0]).searchParams.get("valueCodes[Region]")).toBe("2480,2460,2404,2409,2401");
    await page.screenshot({ path: join(SHOTS, "workbench-scb-import.png") });

    // The same figures from the xlsx download, read in the browser.
    await page
      .getByLabel("Fil från Statistikdatabasen (CSV, xlsx eller JSON-stat)")
      .setInputFiles(join(fixtures, "befolkning.xlsx"));
    await page.getByText(/inläst från xlsx-fil/).waitFor();
    const fromXlsx = await formPopulations(page);
    expect(fromXlsx).toEqual(["57362", "4901", "3418", "3982", "4123"]);

    // A download larger than the pane reads on its own thread (four more municipalities' rows): read in the
    // population worker, built as its own chunk and allowed by the page's CSP, with the same sums.
    const workers: string[] = [];
    const closed: string[] = [];
    page.on("worker", (w) => {
      workers.push(w.url());
      w.on("close", () => closed.push(w.url()));
    });
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    const csv = readFileSync(join(fixtures, "befolkning-semikolon.csv"), "utf8");
    const others = ["2482 Skellefteå", "2418 Malå", "2421 Storuman", "2422 Sorsele"];
    const bjurholm = csv.split("\r\n").filter((line) => line.startsWith('"2403 Bjurholm"'));
    const large = [csv, ...others.map((name) => bjurholm.join("\r\n").replace(/2403 Bjurholm/g, name))].join(
      "\r\n",
    );
    expect(Buffer.byteLength(large)).toBeGreaterThan(WORKER_THRESHOLD_BYTES);
    await page
      .getByLabel("Fil från Statistikdatabasen (CSV, xlsx eller JSON-stat)")
      .setInputFiles({ name: "befolkning-stor.csv", mimeType: "text/csv", buffer: Buffer.from(large) });
    await page.getByText(/^Befolkning 20–64 år per 2024-12-31 för 5 kommuner inläst från CSV-fil/).waitFor();
    expect(await formPopulations(page)).toEqual(fromXlsx);
    expect(workers).toEqual([`${origin}/population-worker.js`]);
    // Terminated once it answered.
    for (let i = 0; i < 50 && closed.length < workers.length; i++) await page.waitForTimeout(100);
    expect(closed).toEqual(workers);
    expect(violations).toEqual([]);

    await page.getByRole("radio", { name: /^Avgiftsfördelning/ }).click();
    await page.getByRole("button", { name: "Infoga Avgiftsfördelning" }).click();
    await page.getByText(/^Infogat: Avgiftsfördelning/).waitFor();
    await page.getByRole("tab", { name: "Avgiftsfördelning", exact: true }).click();
    await expectText(cellInRow(page, "Källa", "B"), "SCB, Statistikdatabasen");
    await expectText(cellInRow(page, "Summerad för åldersgrupp", "B"), "20–64 år");
    await expectText(cellInRow(page, "Vindelns kommun", "C"), "2404");
    await expectText(cellInRow(page, "Vindelns kommun", "B"), "3 418");
    await expectText(cellInRow(page, "Region Västerbotten", "E"), "2 845");
    // State, region and municipalities: 5 690 + 2 845 + 2 845; the municipalities add up to the region's.
    await expectText(cellInRow(page, "Summa", "E"), "11 380");
    await expectText(cellInRow(page, "Kommunerna tillsammans = regionen", "E"), "OK");
    await page.screenshot({ path: join(SHOTS, "workbench-scb-fees.png") });

    // Nothing left the machine: the one request outside this origin was SCB's, answered by the fixture.
    expect(refused).toEqual([]);
    expect(external).toEqual(answered);
    await page.close();
  });

  test("the task pane page outside Excel: Office.js answered locally, the pane renders and says where it is", async () => {
    const page = await context.newPage();
    // The page asks Microsoft's CDN for Office.js, as Office requires; here the local package answers.
    const dist = join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
    await page.route("https://appsforoffice.microsoft.com/**", (route) => {
      const path = new URL(route.request().url()).pathname.replace(/^\/lib\/1\/hosted\//, "");
      const file = join(dist, path);
      return existsSync(file)
        ? route.fulfill({ path: file, contentType: "text/javascript" })
        : route.fulfill({ status: 404, body: "" });
    });
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(`${origin}/taskpane.html`);
    await page.getByRole("heading", { level: 1, name: /FINSAM/ }).waitFor();
    // The page runs under its Content-Security-Policy without a violation.
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    expect(csp).toContain("default-src 'self'");
    // The population worker's chunk starts under this page's CSP and says it is ready.
    const ready = await page.evaluate(
      () =>
        new Promise<unknown>((resolve) => {
          const worker = new Worker("population-worker.js");
          worker.onmessage = (event) => (worker.terminate(), resolve(event.data));
          worker.onerror = () => resolve("error");
        }),
    );
    expect(ready).toEqual({ type: "ready" });
    expect(violations).toEqual([]);
    await page.getByRole("button", { name: /Infoga Budget|Insert Budget/ }).waitFor();
    expect(await page.title()).toMatch(/FINSAM/);
    await page.screenshot({ path: join(SHOTS, "taskpane-outside-excel.png") });
    await page.close();
  });

  /** Office.js from the local package, as the page asks Microsoft's CDN for it. */
  const localOffice = (page: Page) => {
    const dist = join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
    return page.route("https://appsforoffice.microsoft.com/**", (route) => {
      const file = join(dist, new URL(route.request().url()).pathname.replace(/^\/lib\/1\/hosted\//, ""));
      return existsSync(file)
        ? route.fulfill({ path: file, contentType: "text/javascript" })
        : route.fulfill({ status: 404, body: "" });
    });
  };

  // axe-core on the pane (idle, after an insert, after a check) and the workbench, in both languages, narrow
  // as a task pane and wide: no serious and no critical finding.
  for (const locale of ["sv", "en"] as const)
    for (const width of [320, 1280])
      test(`axe: no serious or critical finding (${locale}, ${width} px)`, async () => {
        const page = await context.newPage();
        await page.setViewportSize({ width, height: 900 });
        const en = locale === "en";
        const found: Record<string, string[]> = {};
        await localOffice(page);
        // The language button names the other language: pressed when the page is not yet in `locale` (outside
        // Office the pane follows the browser's language).
        const inLocale = async () => {
          const toggle = page.getByRole("button", { name: /^(English|Svenska) – / });
          if ((await toggle.innerText()).trim() === (en ? "English" : "Svenska")) await toggle.click();
        };
        await page.goto(`${origin}/taskpane.html`);
        await page.getByRole("heading", { level: 1, name: /FINSAM/ }).waitFor();
        await inLocale();
        await page.getByRole("button", { name: en ? "Insert all" : "Infoga alla" }).waitFor();
        found["pane, idle"] = await seriousFindings(page);

        await page.goto(`${origin}/workbench.html`);
        await page.getByRole("heading", { level: 1, name: /FINSAM/ }).waitFor();
        await inLocale();
        found["workbench, idle"] = await seriousFindings(page);
        await page.getByRole("radio", { name: en ? /^Example/ : /^Exempel/ }).check();
        await page.getByRole("button", { name: en ? "Insert Budget" : "Infoga Budget" }).click();
        await page.locator('table[data-sheet="Budget"]').waitFor();
        await page.getByText(en ? /^Inserted: Budget/ : /^Infogat: Budget/).waitFor();
        found["after insert"] = await seriousFindings(page);
        await page
          .getByRole("button", { name: en ? "Check the workbook" : "Kontrollera arbetsboken" })
          .click();
        await page.locator('section[aria-labelledby="check-heading"] .fui-MessageBar').first().waitFor();
        found["after check"] = await seriousFindings(page);
        await page.close();
        expect(found).toEqual({
          "pane, idle": [],
          "workbench, idle": [],
          "after insert": [],
          "after check": [],
        });
      });

  test("the workbench by keyboard alone: Tab reaches the grid, arrows move, Enter edits an input cell", async () => {
    const page = await context.newPage();
    await page.goto(`${origin}/workbench.html`);
    await page.getByRole("radio", { name: /^Exempel/ }).check();
    await page.getByRole("button", { name: "Infoga Budget" }).click();
    await page.locator('table[data-sheet="Budget"]').waitFor();
    // From the formula bar (its button is disabled on a label cell), Tab goes to the grid's one stop: the
    // selected cell.
    await page.getByRole("textbox", { name: "Cellens innehåll" }).focus();
    await page.keyboard.press("Tab");
    await expectText(page.getByTestId("selected-address"), "Budget!A1");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-address"))).toBe("A1");
    // Down to the row of Försäkringskassan, right to its first amount: an input cell.
    const target = await cellInRow(page, "Försäkringskassan", "C").getAttribute("data-address");
    const row = Number(target!.slice(1));
    for (let r = 1; r < row; r++) await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expectText(page.getByTestId("selected-address"), `Budget!${target}`);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-address"))).toBe(target);
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(
      "Cellens innehåll",
    );
    await page.keyboard.press("Control+A");
    await page.keyboard.type("5 700");
    await page.keyboard.press("Enter");
    await expectText(cellInRow(page, "Summa intäkter", "C"), "11 499");
    // Enter went back to the grid, one row down.
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-address"))).toBe(
      `C${row + 1}`,
    );
    await page.close();
  });
});

/** The members' populations as the form shows them. */
const formPopulations = (page: Page) =>
  page
    .getByLabel("Befolkning i arbetsför ålder", { exact: true })
    .evaluateAll((inputs) => inputs.map((el) => (el as HTMLInputElement).value.replace(/\s/g, "")));

async function expectText(locator: { innerText(): Promise<string>; waitFor(): Promise<void> }, text: string) {
  await locator.waitFor();
  for (let i = 0; i < 50; i++) {
    if ((await locator.innerText()).trim() === text) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect((await locator.innerText()).trim()).toBe(text);
}
