import { BLANK_OPTIONS, EXAMPLE_OPTIONS, TEMPLATE_IDS, TEMPLATES } from "../../src/templates";
import { messages } from "../../src/i18n";
import { InsertFailed, insertTemplate } from "../../src/workbook/officeRenderer";
import { FakeContext, FakeWorksheet } from "../helpers/fakeExcel";

const run = (context: FakeContext, id: (typeof TEMPLATE_IDS)[number], options = EXAMPLE_OPTIONS) =>
  insertTemplate(context as unknown as Excel.RequestContext, TEMPLATES[id](options));

describe("Office.js renderer", () => {
  test.each(TEMPLATE_IDS)("%s: at most two syncs, whole blocks, calculation suspended", async (id) => {
    const context = new FakeContext();
    const result = await run(context, id);
    expect(context.syncs).toBe(2);
    expect(context.suspended).toBe(1);
    const spec = TEMPLATES[id](EXAMPLE_OPTIONS);
    // One formulas block and one number-format block per sheet, each the sheet's whole used range.
    for (const sheet of spec.sheets) {
      const blocks = context.workbook.writes.filter(
        (w) =>
          w.sheet === result.sheets[spec.sheets.indexOf(sheet)] &&
          (w.property === "formulas" || w.property === "numberFormat"),
      );
      expect(blocks.map((b) => b.property)).toEqual(["formulas", "numberFormat"]);
      expect((blocks[0].value as unknown[][]).length).toBe(sheet.cells.length);
    }
    expect(result.sheets).toEqual(spec.sheets.map((s) => s.name));
    expect(context.workbook.active).toBe(result.sheets[0]);
  });

  test("writes formulas in invariant syntax with the sheet references resolved", async () => {
    const context = new FakeContext();
    await run(context, "budget");
    const outcome = context.workbook.sheetList.find((s) => s.name === "Utfall mot budget")!;
    const formulas = [...outcome.cells.values()].filter(
      (v): v is string => typeof v === "string" && v.startsWith("="),
    );
    expect(formulas.some((f) => f.startsWith("='Budget'!C"))).toBe(true);
    expect(formulas.some((f) => f.includes("FINSAM.CHECKSUM(") && f.includes(",1)"))).toBe(true);
    expect(formulas.some((f) => f.includes(";"))).toBe(false);
  });

  test("tables and names are created after the values, protection last", async () => {
    const context = new FakeContext();
    const result = await run(context, "socialbudget");
    const props = context.workbook.writes.map((w) => w.property);
    expect(props.indexOf("formulas")).toBeLessThan(props.indexOf("dataValidation.rule"));
    expect(props.lastIndexOf("protect")).toBeGreaterThan(props.lastIndexOf("dataValidation.rule"));
    expect(result.tables).toEqual(["FINSAM_Indikatorer"]);
    expect(context.workbook.tableList.map((t) => t.name)).toEqual(["FINSAM_Indikatorer"]);
    expect(context.workbook.nameList.map((n) => n.name)).toEqual(["FINSAM_SocialBudget_Vikter"]);
    expect(context.workbook.sheetList[0].protected_).toBe(true);
  });

  test("input cells are unlocked and marked; the Impactindex chart is placed", async () => {
    const context = new FakeContext();
    await run(context, "impactindex");
    const writes = context.workbook.writes;
    expect(writes.some((w) => w.property === "format.protection.locked" && w.value === false)).toBe(true);
    expect(writes.some((w) => w.property === "format.fill.color" && w.value === "#FFF2CC")).toBe(true);
    const sheet = context.workbook.sheetList[0];
    expect(sheet.chartList).toHaveLength(1);
    expect(sheet.chartList[0].title.text).toBe("Impactindex per målområde");
    expect(sheet.conditionalFormats.length).toBeGreaterThan(4);
  });

  test("inserting into a workbook that already has the template's sheets, tables and names changes none of them", async () => {
    const context = FakeContext.withUserContent({
      sheets: {
        Budget: { "1,1": "Min egen budget", "5,3": 1234 },
        "Utfall mot budget": { "2,2": "=A1*2" },
        "Social budget": {},
        Avgiftsfördelning: {},
        Impactindex: {},
      },
      tables: [
        { name: "FINSAM_Indikatorer", sheet: "Social budget", address: "A1:B3" },
        { name: "FINSAM_Befolkning", sheet: "Avgiftsfördelning", address: "A1:B2" },
      ],
      names: ["FINSAM_Budget_Resultat", "FINSAM_Impactindex_Totalt", "FINSAM_Indikatorer_2"],
    });
    const before = {
      sheets: context.workbook.sheetList.map((s) => ({ name: s.name, cells: [...s.cells.entries()] })),
      tables: context.workbook.tableList.map((t) => ({ name: t.name, address: t.address, sheet: t.sheet })),
      names: context.workbook.nameList.map((n) => ({ ...n })),
    };
    const results = [];
    for (const id of TEMPLATE_IDS) results.push(await run(context, id, BLANK_OPTIONS));

    // Nothing that existed was written to, renamed or removed.
    const existing = new Set(before.sheets.map((s) => s.name));
    expect(context.workbook.writes.filter((w) => existing.has(w.sheet))).toEqual([]);
    for (const s of before.sheets)
      expect([...context.workbook.worksheets.getItem(s.name).cells.entries()]).toEqual(s.cells);
    expect(
      context.workbook.tableList
        .slice(0, before.tables.length)
        .map((t) => ({ name: t.name, address: t.address, sheet: t.sheet })),
    ).toEqual(before.tables);
    expect(context.workbook.nameList.slice(0, before.names.length)).toEqual(before.names);

    // The new ones got free names, and the caller is told.
    expect(results[0].sheets).toEqual(["Budget (2)", "Utfall mot budget (2)"]);
    expect(results[0].names).toEqual(["FINSAM_Budget_Resultat_2", "FINSAM_Budget_EgetKapital"]);
    expect(results[2].tables).toEqual(["FINSAM_Indikatorer_3"]);
    expect(results[0].renamed).toContainEqual({ kind: "sheet", requested: "Budget", actual: "Budget (2)" });
    // Formulas on the renamed outcome sheet point at the renamed budget sheet.
    const outcome = context.workbook.worksheets.getItem("Utfall mot budget (2)");
    expect(
      [...outcome.cells.values()].some((v) => typeof v === "string" && v.startsWith("='Budget (2)'!")),
    ).toBe(true);
    for (const r of results) expect(r.sheets.every((s) => !existing.has(s))).toBe(true);
  });

  test("inserting the same template twice gives (2) and (3)", async () => {
    const context = new FakeContext();
    await run(context, "avgifter");
    await run(context, "avgifter");
    const third = await run(context, "avgifter");
    expect(third.sheets).toEqual(["Avgiftsfördelning (3)"]);
    expect(third.tables).toEqual(["FINSAM_Befolkning_3"]);
    expect(context.syncs).toBe(6);
  });

  describe("an insert is all or nothing (issue 9)", () => {
    const userWorkbook = () =>
      FakeContext.withUserContent({
        sheets: { Blad1: { "1,1": "Mitt eget" } },
        tables: [],
        names: ["Mitt_namn"],
      });
    const snapshot = (context: FakeContext) => ({
      sheets: context.workbook.sheetList.map((s) => s.name),
      tables: context.workbook.tableList.map((t) => t.name),
      names: context.workbook.nameList.map((n) => n.name),
      cells: context.workbook.sheetList.map((s) => [...s.cells.entries()]),
    });

    test("a failure at the first sync: nothing was written, the workbook is unchanged", async () => {
      const context = userWorkbook();
      const before = snapshot(context);
      context.failAtSync = 1;
      await expect(run(context, "budget")).rejects.toThrow("injected");
      expect(snapshot(context)).toEqual(before);
    });

    test("a failure at the second sync, after the sheets were made: they are removed again, and the user is told", async () => {
      const context = userWorkbook();
      const before = snapshot(context);
      context.failAtSync = 2;
      const error = await run(context, "budget").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InsertFailed);
      expect((error as InsertFailed).remaining).toEqual({ sheets: [], names: [] });
      expect(snapshot(context)).toEqual(before);
      expect(context.syncs).toBe(5); // two for the insert, three for the clean-up
    });

    test("a sheet name taken by someone else between the two syncs: our sheets go, theirs stays", async () => {
      const context = userWorkbook();
      context.beforeSync = (n) => {
        if (n !== 2) return;
        // Another user adds "Utfall mot budget" after our first sync: our add of it fails at the second.
        const theirs = new FakeWorksheet("Utfall mot budget", context.workbook);
        theirs.cells.set("1,1", "deras");
        context.workbook.sheetList.push(theirs);
      };
      const error = await run(context, "budget").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InsertFailed);
      expect((error as InsertFailed).message).toMatch(/ItemAlreadyExists/);
      expect(context.workbook.sheetList.map((s) => s.name)).toEqual(["Blad1", "Utfall mot budget"]);
      expect([...context.workbook.worksheets.getItem("Utfall mot budget").cells.values()]).toEqual(["deras"]);
      expect(context.workbook.nameList.map((n) => n.name)).toEqual(["Mitt_namn"]);
    });

    test("a workbook name taken between the syncs: the sheets made before it are removed", async () => {
      const context = userWorkbook();
      context.beforeSync = (n) => {
        if (n === 2)
          context.workbook.nameList.push({ name: "FINSAM_Budget_EgetKapital", reference: "Blad1!A1" });
      };
      const error = (await run(context, "budget").catch((e: unknown) => e)) as InsertFailed;
      expect(error.remaining).toEqual({ sheets: [], names: [] });
      expect(context.workbook.sheetList.map((s) => s.name)).toEqual(["Blad1"]);
      // Our first name pointed at our sheet and is gone; theirs stays.
      expect(context.workbook.nameList.map((n) => n.name)).toEqual([
        "Mitt_namn",
        "FINSAM_Budget_EgetKapital",
      ]);
    });

    test("when the clean-up fails too, the user is told exactly which sheets and names may remain", async () => {
      const context = userWorkbook();
      context.beforeSync = (n) => {
        if (n === 2) context.failAtSync = 2;
        if (n === 3) throw new Error("GeneralException: connection lost");
      };
      const error = (await run(context, "budget").catch((e: unknown) => e)) as InsertFailed;
      expect(error.remaining).toEqual({
        sheets: ["Budget", "Utfall mot budget"],
        names: ["FINSAM_Budget_Resultat", "FINSAM_Budget_EgetKapital"],
      });
      expect(
        messages("sv").pane.insertLeftovers(
          error.message,
          [...error.remaining.sheets, ...error.remaining.names].join(", "),
        ),
      ).toBe(
        "GeneralException: the sync failed (injected). Det som hann skapas kunde inte tas bort helt; kontrollera och ta bort för hand: Budget, Utfall mot budget, FINSAM_Budget_Resultat, FINSAM_Budget_EgetKapital.",
      );
    });

    test("a successful insert still costs two syncs", async () => {
      const context = userWorkbook();
      await run(context, "budget");
      expect(context.syncs).toBe(2);
    });
  });
});
