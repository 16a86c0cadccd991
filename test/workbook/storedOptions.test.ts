import fc from "fast-check";
import { EXAMPLE_OPTIONS } from "../../src/templates";
import { readStored, SETTINGS_VERSION, toStored } from "../../src/workbook/storedOptions";

/** Issue 9: settings stored in a document are read against a schema, never trusted with a cast. */
describe("stored options", () => {
  test("what the pane saves reads back the same; older unversioned options are read too", () => {
    expect(readStored(toStored(EXAMPLE_OPTIONS))).toEqual({ options: EXAMPLE_OPTIONS, problem: null });
    expect(toStored(EXAMPLE_OPTIONS).version).toBe(SETTINGS_VERSION);
    expect(readStored({ ...EXAMPLE_OPTIONS })).toEqual({ options: EXAMPLE_OPTIONS, problem: null });
    expect(readStored(null)).toEqual({ options: null, problem: null });
  });

  test.each([
    ["a newer version", { version: 99, options: EXAMPLE_OPTIONS }, "unknownVersion"],
    ["a string", "hej", "invalid"],
    ["an array", [1, 2], "invalid"],
    ["a year as text", { version: 1, options: { ...EXAMPLE_OPTIONS, firstYear: "2021" } }, "invalid"],
    [
      "a negative population",
      { version: 1, options: { ...EXAMPLE_OPTIONS, municipalities: [{ name: "A", population: -1 }] } },
      "invalid",
    ],
    [
      "a member without a name",
      { version: 1, options: { ...EXAMPLE_OPTIONS, municipalities: [{ population: 1 }] } },
      "invalid",
    ],
    ["an unknown content", { version: 1, options: { ...EXAMPLE_OPTIONS, content: "allt" } }, "invalid"],
    [
      "a date in another form",
      { version: 1, options: { ...EXAMPLE_OPTIONS, referenceDate: "31/12/2019" } },
      "invalid",
    ],
    [
      "10 000 members",
      {
        version: 1,
        options: {
          ...EXAMPLE_OPTIONS,
          municipalities: Array.from({ length: 10_000 }, (_, i) => ({ name: `K${i}`, population: 1 })),
        },
      },
      "invalid",
    ],
  ])("%s is ignored with a note", (_name, raw, problem) => {
    expect(readStored(raw)).toEqual({ options: null, problem });
  });

  test("unknown fields are dropped, not carried into the form", () => {
    const read = readStored({ version: 1, options: { ...EXAMPLE_OPTIONS, __proto__: null, script: "x" } });
    expect(Object.keys(read.options!)).toEqual(Object.keys(EXAMPLE_OPTIONS));
  });

  test("anything at all: options or a note, never a throw", () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        const r = readStored(raw);
        expect(r.options === null || typeof r.options === "object").toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });
});
