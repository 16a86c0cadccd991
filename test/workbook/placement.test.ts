import {
  freeIdentifier,
  freeSheetName,
  place,
  quoteSheetName,
  resolveReferences,
} from "../../src/workbook/placement";
import { TEMPLATES, EXAMPLE_OPTIONS } from "../../src/templates";

describe("placement", () => {
  test("a taken sheet name gets (2), (3) …, compared without regard to case, within 31 characters", () => {
    expect(freeSheetName("Budget", new Set(["budget"]))).toBe("Budget (2)");
    expect(freeSheetName("Budget", new Set(["budget", "budget (2)"]))).toBe("Budget (3)");
    const long = "Utfall mot budget för hela året X";
    const free = freeSheetName(long.slice(0, 31), new Set([long.slice(0, 31).toLowerCase()]));
    expect(free).toHaveLength(31);
    expect(free.endsWith(" (2)")).toBe(true);
  });

  test("tables and names share one namespace", () => {
    expect(freeIdentifier("FINSAM_Indikatorer", new Set(["FINSAM_INDIKATORER"]))).toBe(
      "FINSAM_Indikatorer_2",
    );
    const p = place(TEMPLATES.socialbudget(EXAMPLE_OPTIONS), {
      sheets: [],
      tables: [],
      names: ["finsam_indikatorer"],
    });
    expect(p.tables.FINSAM_Indikatorer).toBe("FINSAM_Indikatorer_2");
  });

  test("sheet references are quoted, apostrophes doubled", () => {
    expect(quoteSheetName("Förbundets budget")).toBe("'Förbundets budget'");
    expect(resolveReferences("={{budget}}!C7+{{budget}}!C8", { budget: "Ekonomens 'egen'" })).toBe(
      "='Ekonomens ''egen'''!C7+'Ekonomens ''egen'''!C8",
    );
    expect(() => resolveReferences("={{nope}}!A1", {})).toThrow(/unknown sheet key/);
  });
});
