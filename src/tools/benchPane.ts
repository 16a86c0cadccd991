/**
 * `npm run bench:pane`: how fast the task pane opens against a bare Fluent pane. Builds a minimal pane (React
 * 18, Fluent v9's provider and one Button, mounted on Office.onReady like ours) the same way as the product
 * (webpack production, ts-loader, the same page with its Content-Security-Policy and Office.js), then loads
 * each page 15 times, interleaved, in Debian's Chromium with Office.js answered from the local
 * @microsoft/office-js package and the cache off, and prints the medians and ratios of:
 *  - first contentful paint;
 *  - the bytes of this origin's scripts and styles loaded before the first paint, gzipped;
 *  - main-thread script time and style recalculation until the first button is on screen.
 * A benchmark: it prints numbers, it asserts nothing. `--loads N` for another count, `--no-build` to reuse the
 * last builds (in node_modules/.cache/finsam-bench-pane), `--locale en-US` for the English start (sv-SE by default),
 * `--list` to print each load's files before the paint.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type BrowserContext } from "playwright-core";
import { serveStatic } from "./staticServer";

const ROOT = join(__dirname, "..", "..");
const WORK = join(ROOT, "node_modules", ".cache", "finsam-bench-pane");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const OFFICE = join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
const argv = process.argv.slice(2);
const loadsAt = argv.indexOf("--loads");
const LOADS = loadsAt >= 0 ? Number(argv[loadsAt + 1]) : 15;
const localeAt = argv.indexOf("--locale");
const LOCALE = localeAt >= 0 ? argv[localeAt + 1] : "sv-SE";

const MINIMAL_PANE = `import * as React from "react";
import { createRoot } from "react-dom/client";
import { Button, FluentProvider, webLightTheme } from "@fluentui/react-components";

Office.onReady(() => {
  createRoot(document.getElementById("container")!).render(
    <FluentProvider theme={webLightTheme}>
      <Button appearance="primary">OK</Button>
    </FluentProvider>,
  );
});
`;

const MINIMAL_CONFIG = `const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
module.exports = {
  mode: "production",
  devtool: "source-map",
  context: __dirname,
  entry: { taskpane: "./index.tsx" },
  output: { path: path.join(__dirname, "dist"), filename: "[name].js", clean: true },
  resolve: { extensions: [".ts", ".tsx", ".js"] },
  module: {
    rules: [{ test: /\\.tsx?$/, exclude: /node_modules[\\\\/](?!\\.cache)/, use: {
      loader: "ts-loader",
      options: { configFile: ${JSON.stringify(join(ROOT, "tsconfig.json"))}, onlyCompileBundledFiles: true,
        compilerOptions: { noEmit: false } } } }],
  },
  plugins: [new HtmlWebpackPlugin({ filename: "taskpane.html", template: ${JSON.stringify(
    join(ROOT, "src", "taskpane", "taskpane.html"),
  )} })],
};
`;

function build(): { minimal: string; product: string } {
  const minimal = join(WORK, "minimal");
  const product = join(WORK, "product");
  if (argv.includes("--no-build") && existsSync(join(minimal, "dist")) && existsSync(product))
    return { minimal: join(minimal, "dist"), product };
  mkdirSync(minimal, { recursive: true });
  writeFileSync(join(minimal, "index.tsx"), MINIMAL_PANE);
  writeFileSync(join(minimal, "webpack.config.js"), MINIMAL_CONFIG);
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  const run = (label: string, args: string[]) => {
    const started = Date.now();
    process.stdout.write(`building ${label} … `);
    execFileSync(process.execPath, [cli, ...args], { cwd: ROOT, stdio: "pipe" });
    console.log(`${((Date.now() - started) / 1000).toFixed(0)} s`);
  };
  run("the minimal pane", ["--config", join(minimal, "webpack.config.js")]);
  run("finsam-excel (production)", ["--mode", "production", "--output-path", product]);
  return { minimal: join(minimal, "dist"), product };
}

interface Load {
  fcp: number;
  bytes: number;
  script: number;
  style: number;
}

const gzipped = new Map<string, number>();
function gzipSize(file: string): number {
  let size = gzipped.get(file);
  if (size === undefined) gzipped.set(file, (size = gzipSync(readFileSync(file), { level: 9 }).length));
  return size;
}

async function load(context: BrowserContext, origin: string, folder: string): Promise<Load> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Performance.enable");
  await page.goto(`${origin}/taskpane.html`);
  await page.locator("button").first().waitFor({ state: "visible" });
  const metrics = (await cdp.send("Performance.getMetrics")).metrics;
  const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  const { fcp, loaded } = await page.evaluate(async () => {
    const paint = await new Promise<number>((resolve) => {
      const seen = performance.getEntriesByName("first-contentful-paint")[0];
      if (seen) return resolve(seen.startTime);
      new PerformanceObserver((list, observer) => {
        observer.disconnect();
        resolve(list.getEntries()[0].startTime);
      }).observe({ type: "paint", buffered: true });
    });
    const own = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter(
      (r) =>
        new URL(r.name).origin === location.origin && r.responseEnd <= paint && /\.(js|css)$/.test(r.name),
    );
    return { fcp: paint, loaded: own.map((r) => new URL(r.name).pathname) };
  });
  await page.close();
  if (argv.includes("--list"))
    console.log(`${folder}: ${fcp.toFixed(0)} ms, before the first paint: ${loaded.join(" ")}`);
  const bytes = loaded.reduce((sum, path) => sum + gzipSize(join(folder, path)), 0);
  return { fcp, bytes, script: metric("ScriptDuration"), style: metric("RecalcStyleDuration") };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function main() {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing (apt-get install -y chromium)`);
  const folders = build();
  const servers = await Promise.all([serveStatic(folders.minimal), serveStatic(folders.product)]);
  const profile = mkdtempSync(join(tmpdir(), "finsam-bench-pane-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 350, height: 800 },
    // As the pane's users open it: Swedish (the product language). `--locale en-US` for the English start,
    // which loads its catalogue as a chunk of its own.
    locale: LOCALE,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
    ],
  });
  await context.route("https://appsforoffice.microsoft.com/**", (route) => {
    const file = join(OFFICE, new URL(route.request().url()).pathname.replace(/^\/lib\/1\/hosted\//, ""));
    return existsSync(file)
      ? route.fulfill({ path: file, contentType: "text/javascript" })
      : route.fulfill({ status: 404, body: "" });
  });
  const runs: Load[][] = [[], []];
  try {
    // One warm-up load each (the browser's own start), then interleaved.
    await load(context, servers[0].origin, folders.minimal);
    await load(context, servers[1].origin, folders.product);
    for (let i = 0; i < LOADS; i++) {
      runs[0].push(await load(context, servers[0].origin, folders.minimal));
      runs[1].push(await load(context, servers[1].origin, folders.product));
    }
  } finally {
    await context.close();
    for (const s of servers) s.server.close();
    rmSync(profile, { recursive: true, force: true });
  }
  const rows: [string, keyof Load, (v: number) => string, number | null][] = [
    ["first contentful paint (median)", "fcp", (v) => `${v.toFixed(0)} ms`, 1.2],
    ["own JS and CSS before first paint (gzip)", "bytes", (v) => `${(v / 1024).toFixed(1)} KB`, 1.5],
    ["main-thread script time to the first button", "script", (v) => `${v.toFixed(0)} ms`, null],
    ["style recalculation to the first button", "style", (v) => `${v.toFixed(1)} ms`, null],
  ];
  console.log(`\n${LOADS} loads each, interleaved (Chromium in ${LOCALE}, Office.js local, cache off)`);
  console.log(
    `${"".padEnd(46)}${"minimal pane".padStart(14)}${"finsam-excel".padStart(14)}${"ratio".padStart(9)}  target`,
  );
  for (const [label, key, format, target] of rows) {
    const a = median(runs[0].map((r) => r[key]));
    const b = median(runs[1].map((r) => r[key]));
    const ratio = b / a;
    const verdict = target === null ? "" : `≤ ${target}× ${ratio <= target ? "met" : "NOT met"}`;
    console.log(
      `${label.padEnd(46)}${format(a).padStart(14)}${format(b).padStart(14)}${`${ratio.toFixed(2)}×`.padStart(9)}  ${verdict}`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
