import fc from "fast-check";
import { en } from "../../src/i18n/en";
import { sv } from "../../src/i18n/sv";
import { localeFromLanguageTag, formatNumber, formatPercent } from "../../src/i18n";
import { WORKBENCH_MESSAGES } from "../../src/workbench/messages";

function keyPaths(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value)
    .flatMap(([k, v]) => keyPaths(v, prefix ? `${prefix}.${k}` : k))
    .sort();
}

describe("i18n", () => {
  test("Swedish and English have exactly the same keys (the add-in's catalogue and the workbench's)", () => {
    expect(keyPaths(en)).toEqual(keyPaths(sv));
    expect(keyPaths(WORKBENCH_MESSAGES.en)).toEqual(keyPaths(WORKBENCH_MESSAGES.sv));
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

  test("whole numbers, grouped by hand, read exactly as Intl writes them", () => {
    const intl = (v: number, locale: "sv" | "en") =>
      new Intl.NumberFormat(locale === "sv" ? "sv-SE" : "en-GB", {
        maximumFractionDigits: 4,
        useGrouping: true,
      })
        .format(v)
        .replace(/[\u00a0\u202f]/g, " ")
        .replace(/\u2212/g, "-");
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer(),
          fc.integer({ min: -(1e15 - 1), max: 1e15 - 1 }),
          fc.constantFrom(0, -0, 999, 1000, -1000),
        ),
        (v) => {
          expect(formatNumber(v, "sv")).toBe(intl(v, "sv"));
          expect(formatNumber(v, "en")).toBe(intl(v, "en"));
        },
      ),
    );
  });
});

/**
 * A value that serves as any parameter a message may take: a string ("x") in text, 2 in arithmetic, callable
 * (`.join()`), and every property another such value; `kind` as given, so each case of a switch is reached.
 */
function anyValue(kind?: string): unknown {
  const target = function () {} as unknown as Record<string | symbol, unknown>;
  return new Proxy(target, {
    get: (_, key) => {
      if (key === "kind") return kind;
      if (key === Symbol.toPrimitive) return (hint: string) => (hint === "number" ? 2 : "x");
      if (key === "toString") return () => "x";
      if (key === "valueOf") return () => 2;
      if (key === "length") return 2;
      if (key === Symbol.iterator)
        return function* () {
          yield 20;
          yield 21;
        };
      return anyValue();
    },
    apply: () => anyValue(),
  });
}

/** Every message function in a catalogue, by its path. */
function messageFunctions(value: unknown, path = ""): [string, (...args: unknown[]) => unknown][] {
  if (typeof value === "function") return [[path, value as (...args: unknown[]) => unknown]];
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => messageFunctions(v, path ? `${path}.${k}` : k));
}

test("every message of both catalogues renders to words: each function, each case of each switch", () => {
  let rendered = 0;
  for (const catalogue of [sv, en]) {
    for (const [path, fn] of messageFunctions(catalogue)) {
      const kinds = [...fn.toString().matchAll(/case "([^"]+)"/g)].map((m) => m[1]);
      for (const kind of kinds.length > 0 ? kinds : [undefined]) {
        const args = Array.from({ length: Math.max(fn.length, 1) }, () => anyValue(kind));
        const text = fn(...args);
        expect(typeof text).toBe("string");
        expect(`${catalogue.locale} ${path} ${kind ?? ""}: ${text}`).not.toMatch(
          /undefined|\[object|NaN|\$\{/,
        );
        expect((text as string).trim().length).toBeGreaterThan(0);
        rendered++;
      }
    }
  }
  expect(rendered).toBeGreaterThan(250);
});

describe("catalogues loaded on first need", () => {
  test("without src/i18n/all no catalogue is at hand, only the first screen's strings; loadLocale brings each", async () => {
    // A fresh module registry: the setup file's import of src/i18n/all is not seen here.
    let i18n!: typeof import("../../src/i18n");
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh module registry, synchronously
      i18n = require("../../src/i18n");
    });
    expect(i18n.isLoaded("sv")).toBe(false);
    expect(i18n.isLoaded("en")).toBe(false);
    expect(() => i18n.messages("sv")).toThrow(/not loaded/);
    // The first screen speaks either language at once.
    expect(i18n.firstScreen("sv").pane.galleryLabel).toBe("Välj mall");
    expect(i18n.firstScreen("en").pane.galleryLabel).toBe("Choose a template");
    await i18n.loadLocale("sv");
    expect(i18n.messages().pane.insertAll).toBe("Infoga alla");
    expect(i18n.messages().pane.galleryLabel).toBe("Välj mall"); // the catalogue carries the first screen's too
    i18n.setLocale("en");
    expect(() => i18n.messages()).toThrow(/not loaded/);
    await i18n.loadLocale("en");
    expect(i18n.messages().pane.insertAll).toBe("Insert all");
    await i18n.loadLocale("en"); // again: nothing to do
    i18n.setLocale("sv");
    expect(i18n.messages().pane.insertAll).toBe("Infoga alla");
  });
});
