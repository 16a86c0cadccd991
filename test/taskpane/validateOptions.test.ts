import { EXAMPLE_OPTIONS } from "../../src/templates";
import { parseAmount, toForm, toTemplateOptions, validateOptions } from "../../src/taskpane/validateOptions";

describe("an amount typed in a tkr field is read as meant or asked about, never 1 000 × off", () => {
  test.each([
    ["5 690", { kind: "number", value: 5690 }],
    ["5690", { kind: "number", value: 5690 }],
    ["5,69", { kind: "number", value: 5.69 }],
    ["5,690", { kind: "number", value: 5.69 }], // a decimal comma in tkr: 5 690 kr
    ["1.234.567", { kind: "number", value: 1234567 }], // only thousands can be meant
    ["5.690,5", { kind: "number", value: 5690.5 }],
    ["5.690", { kind: "ambiguous", readings: [5690, 5.69] }],
    ["−5 690", { kind: "number", value: -5690 }],
    ["", { kind: "empty" }],
    ["fem", { kind: "invalid" }],
    ["5.69.0", { kind: "invalid" }],
  ])("%s in tkr", (text, expected) => expect(parseAmount(text, "tkr")).toEqual(expected));

  test("in a whole-krona field a comma before three digits is asked about too", () => {
    expect(parseAmount("5,690", "kr")).toEqual({ kind: "ambiguous", readings: [5690, 5.69] });
    expect(parseAmount("5,69", "kr")).toEqual({ kind: "number", value: 5.69 });
  });

  test("the form refuses '5.690' as the allotment and inserts nothing until it is clear", () => {
    const form = { ...toForm(EXAMPLE_OPTIONS), stateAllotment: "5.690" };
    expect(validateOptions(form).stateAllotment).toBe("ambiguousThousands");
    expect(validateOptions({ ...form, stateAllotment: "5 690" })).toEqual({});
    expect(toTemplateOptions({ ...form, stateAllotment: "1.234.567" }).stateAllotment).toBe(1234567);
  });
});

test("an unknown municipality blocks the insert; a region that is not the members' county is named", () => {
  const form = toForm(EXAMPLE_OPTIONS);
  expect(validateOptions(form)).toEqual({});
  const unknown = {
    ...form,
    municipalities: [
      ...form.municipalities,
      { ...form.municipalities[0], key: 99, name: "Umeåregionen", code: null },
    ],
  };
  expect(validateOptions(unknown)["municipality.6.name"]).toBe("unknownMunicipality");
  // Every member in Västerbotten (24), the region Norrbotten (25): named, and the form suggests Västerbotten.
  expect(validateOptions({ ...form, regionName: "Region Norrbotten", regionCode: "25" }).regionName).toBe(
    "regionMismatch",
  );
  // A member moved to another county: the members no longer share one, so no region is implied.
  const moved = form.municipalities.map((m, i) =>
    i === 0 ? { ...m, name: "Luleå kommun", code: "2580" } : m,
  );
  expect(validateOptions({ ...form, municipalities: moved }).regionName).toBeUndefined();
});
