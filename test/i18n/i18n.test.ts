import { en } from "../../src/i18n/en";
import { sv } from "../../src/i18n/sv";
import { localeFromLanguageTag, formatNumber, formatPercent } from "../../src/i18n";

function keyPaths(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value)
    .flatMap(([k, v]) => keyPaths(v, prefix ? `${prefix}.${k}` : k))
    .sort();
}

describe("i18n", () => {
  test("Swedish and English have exactly the same keys", () => {
    expect(keyPaths(en)).toEqual(keyPaths(sv));
  });

  test("every message renders in both languages without leftovers", () => {
    const params = {
      ...{ what: "weight", value: -1, position: 2, min: 0, max: 1, row: 1, column: 1, text: "x", total: 1 },
      ...{ decimals: 0, actual: 2, expected: 3, other: "areas", base: 1, limit: 2, name: "A", area: "B" },
      ...{ part: 2, whole: 1, detail: "d", percent: 95 },
    };
    for (const catalogue of [sv, en]) {
      for (const [code, template] of Object.entries(catalogue.errors)) {
        const message = template(params);
        expect(message.length).toBeGreaterThan(5);
        expect(message).not.toMatch(/undefined|\[object|\$\{/);
        expect(`${code}: ${message}`).not.toMatch(/ {2}/);
      }
    }
  });

  test("Swedish is the default; English only when Office's language is English", () => {
    expect(localeFromLanguageTag("sv-SE")).toBe("sv");
    expect(localeFromLanguageTag("en-US")).toBe("en");
    expect(localeFromLanguageTag("en-GB")).toBe("en");
    expect(localeFromLanguageTag("fi-FI")).toBe("sv");
    expect(localeFromLanguageTag(undefined)).toBe("sv");
  });

  test("numbers as a Swedish economist writes them", () => {
    expect(formatNumber(-12635, "sv")).toBe("-12 635");
    expect(formatNumber(2087.45, "sv")).toBe("2 087,45");
    expect(formatPercent(0.416, "sv")).toBe("41,6 %");
    expect(formatNumber(2087.45, "en")).toBe("2,087.45");
  });
});
