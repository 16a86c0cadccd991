import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";

/**
 * axe-core in a page of the browser tests. The engine is evaluated through the browser's debugging protocol,
 * not added as a script, so the page's Content-Security-Policy stays as it ships. Gives the serious and
 * critical findings, each as "rule: the first elements' selectors".
 */
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export async function seriousFindings(page: Page): Promise<string[]> {
  // Colours are judged at rest: no pointer over a button, no transition half-way.
  await page.mouse.move(0, 0);
  await page.waitForTimeout(400);
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<unknown> } })
      .axe;
    const result = (await axe.run(document, { resultTypes: ["violations"] })) as {
      violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
    };
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
    }));
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.targets.join(", ")}`);
}
