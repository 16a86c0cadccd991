import * as React from "react";
import { Button, Caption1, Input, makeStyles, mergeClasses } from "@fluentui/react-components";
import { token as tokens } from "../taskpane/tokens";
import { columnLetter, parseAddress } from "../sheet/a1";
import { LOOKS, type Look } from "../sheet/styles";
import { displayValue } from "./format";
import { workbenchMessages } from "./messages";
import type { HeadlessService } from "./headlessService";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0, flex: 1 },
  bar: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
  address: { fontFamily: tokens.fontFamilyMonospace, minWidth: "10em" },
  scroller: {
    overflow: "auto",
    maxHeight: "calc(100vh - 180px)",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, fontFamily: tokens.fontFamilyBase },
  head: {
    position: "sticky",
    top: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
    padding: "0 4px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  rowHead: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    padding: "0 4px",
    textAlign: "right",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "1px 4px",
    whiteSpace: "pre",
    maxWidth: "28em",
    overflow: "hidden",
    textOverflow: "ellipsis",
    cursor: "cell",
  },
  number: { textAlign: "right" },
  error: { color: tokens.colorPaletteRedForeground1 },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
});

/** A readable view of the headless workbook: sheet tabs, a formula bar, and the cells as a table. */
/** The sheets of the headless workbook as a grid, in the language the pane last chose. */
export function GridView({ service }: { service: HeadlessService }) {
  const styles = useStyles();
  const t = { workbench: workbenchMessages() };
  const [, setVersion] = React.useState(0);
  React.useEffect(() => service.subscribe(() => setVersion((v) => v + 1)), [service]);
  const wb = service.workbook;
  const sheets = wb.sheetNames();
  const [active, setActive] = React.useState<string | null>(null);
  const selection = service.selection;
  const sheet =
    selection?.sheet && sheets.includes(selection.sheet) ? selection.sheet : (active ?? sheets[0]);
  const [draft, setDraft] = React.useState("");
  const editor = React.useRef<HTMLInputElement>(null);
  const grid = React.useRef<HTMLTableElement>(null);
  // The cell the keyboard moved the selection to: the focus follows once that cell is drawn as selected.
  const refocus = React.useRef<string | null>(null);
  React.useEffect(() => {
    if (!refocus.current) return;
    const cell = grid.current?.querySelector<HTMLElement>(`td[data-address="${refocus.current}"]`);
    if (!cell || cell.tabIndex !== 0) return;
    refocus.current = null;
    cell.focus();
  });
  const selectedCell = selection && selection.sheet === sheet ? selection.cell : "A1";

  React.useEffect(() => {
    if (!sheet) return;
    const formula = wb.formula(sheet, selectedCell);
    const value = wb.value(sheet, selectedCell);
    setDraft(
      formula ??
        (typeof value === "number"
          ? String(value).replace(".", ",")
          : value === null || typeof value === "object"
            ? ""
            : String(value)),
    );
  }, [sheet, selectedCell, wb, service.selection]);

  if (!sheet) return <Caption1>{t.workbench.noSheets}</Caption1>;
  const spec = wb.specs.get(sheet);
  const { height, width } = wb.hf.getSheetDimensions(wb.hf.getSheetId(sheet)!);
  const rows = Math.max(height, spec?.cells.length ?? 0);
  // Hidden columns (the anchors) are not shown, nor the empty columns before them.
  const hidden = new Set(spec?.hiddenColumns ?? []);
  const lastShown = hidden.size
    ? Math.max(
        spec?.columnWidths.length ?? 0,
        ...(spec?.cells ?? []).map((row) =>
          row.reduce((last, cell, c) => (cell && !hidden.has(c + 1) ? c + 1 : last), 0),
        ),
      )
    : Math.max(width, spec?.cells[0]?.length ?? 0);
  const shown = Array.from({ length: lastShown }, (_, c) => c).filter((c) => !hidden.has(c + 1));
  const selected = parseAddress(selectedCell);
  const editable = spec?.cells[selected.row - 1]?.[selected.column - 1]?.style === "input";

  /**
   * The keyboard, as in a spreadsheet: the selected cell is the grid's one tab stop; the arrow keys move the
   * selection (and the focus with it), Home and End go to the row's first and last column; Enter on an input
   * cell edits it in the formula bar, where Enter enters the value and goes back to the grid one row down and
   * Escape goes back without entering.
   */
  const move = (row: number, columnIndex: number) => {
    const r = Math.min(Math.max(row, 1), Math.max(rows, 1));
    const i = Math.min(Math.max(columnIndex, 0), shown.length - 1);
    if (i < 0) return;
    const address = `${columnLetter(shown[i] + 1)}${r}`;
    refocus.current = address;
    void service.select(sheet, address);
  };
  const at = shown.indexOf(selected.column - 1);
  const onGridKey = (e: React.KeyboardEvent) => {
    const keys: Record<string, () => void> = {
      ArrowUp: () => move(selected.row - 1, at),
      ArrowDown: () => move(selected.row + 1, at),
      ArrowLeft: () => move(selected.row, at - 1),
      ArrowRight: () => move(selected.row, at + 1),
      Home: () => move(selected.row, 0),
      End: () => move(selected.row, shown.length - 1),
      Enter: () => (editable ? editor.current?.focus() : move(selected.row + 1, at)),
    };
    const action = keys[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  };

  return (
    <section className={styles.root} aria-label={t.workbench.workbook}>
      <SheetTabs
        sheets={sheets}
        selected={sheet}
        label={t.workbench.sheets}
        onSelect={(name) => {
          setActive(name);
          void service.select(name, "A1");
        }}
      />
      <form
        className={styles.bar}
        onSubmit={(e) => {
          e.preventDefault();
          if (!editable) return;
          service.type(sheet, selectedCell, draft);
          move(selected.row + 1, at);
        }}
      >
        <span className={styles.address} data-testid="selected-address">
          {sheet}!{selectedCell}
        </span>
        <Input
          ref={editor}
          onKeyDown={(e) => {
            if (e.key !== "Escape") return;
            e.preventDefault();
            move(selected.row, at);
          }}
          aria-label={t.workbench.cellContents}
          value={draft}
          readOnly={!editable}
          onChange={(_, d) => setDraft(d.value)}
          style={{ flex: 1 }}
        />
        <Button type="submit" disabled={!editable}>
          {t.workbench.enter}
        </Button>
      </form>
      <div className={styles.scroller}>
        <table
          className={styles.table}
          data-sheet={sheet}
          ref={grid}
          role="grid"
          aria-label={t.workbench.grid}
          onKeyDown={onGridKey}
        >
          <thead>
            <tr>
              <th className={styles.head} />
              {shown.map((c) => (
                <th key={c} className={styles.head} scope="col">
                  {columnLetter(c + 1)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) => (
              <tr key={r}>
                <th className={styles.rowHead} scope="row">
                  {r + 1}
                </th>
                {shown.map((c) => {
                  const address = `${columnLetter(c + 1)}${r + 1}`;
                  const cellSpec = spec?.cells[r]?.[c];
                  const value = wb.value(sheet, address);
                  const isError = typeof value === "object" && value !== null;
                  const style = cellSpec?.style;
                  return (
                    <td
                      key={c}
                      data-address={address}
                      role="gridcell"
                      tabIndex={address === selectedCell ? 0 : -1}
                      aria-selected={address === selectedCell}
                      title={isError ? (value as { message: string }).message : undefined}
                      className={mergeClasses(
                        styles.cell,
                        typeof value === "number" && styles.number,
                        isError && styles.error,
                        address === selectedCell && styles.selected,
                      )}
                      style={style ? cssOf(LOOKS[style]) : undefined}
                      onClick={() => void service.select(sheet, address)}
                    >
                      {displayValue(value, cellSpec?.format)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

const useTabStyles = makeStyles({
  list: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  tab: {
    border: "none",
    borderBottom: `2px solid transparent`,
    background: "none",
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    cursor: "pointer",
    ":hover": { color: tokens.colorNeutralForeground1 },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderBottomColor: tokens.colorBrandStroke1,
  },
});

/**
 * The sheet tabs: a tab list whose selected tab is its one tab stop, the arrow keys (and Home, End) choosing
 * another, as the ARIA tabs pattern has it. Plain buttons: Fluent's TabList puts focusable helper elements
 * inside aria-hidden ones, which screen readers then stumble on.
 */
function SheetTabs({
  sheets,
  selected,
  label,
  onSelect,
}: {
  sheets: string[];
  selected: string;
  label: string;
  onSelect: (sheet: string) => void;
}) {
  const styles = useTabStyles();
  const list = React.useRef<HTMLDivElement>(null);
  const choose = (index: number) => {
    const name = sheets[(index + sheets.length) % sheets.length];
    onSelect(name);
    list.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]')[sheets.indexOf(name)]?.focus();
  };
  const at = sheets.indexOf(selected);
  return (
    <div
      ref={list}
      role="tablist"
      aria-label={label}
      className={styles.list}
      onKeyDown={(e) => {
        const to =
          e.key === "ArrowRight"
            ? at + 1
            : e.key === "ArrowLeft"
              ? at - 1
              : e.key === "Home"
                ? 0
                : e.key === "End"
                  ? sheets.length - 1
                  : null;
        if (to === null) return;
        e.preventDefault();
        choose(to);
      }}
    >
      {sheets.map((s) => (
        <button
          key={s}
          type="button"
          role="tab"
          aria-selected={s === selected}
          tabIndex={s === selected ? 0 : -1}
          className={mergeClasses(styles.tab, s === selected && styles.selected)}
          onClick={() => onSelect(s)}
        >
          {s}
        </button>
      ))}
    </div>
  );
}

/** The look of a style (src/sheet/styles.ts) as the grid's CSS. */
function cssOf(look: Look): React.CSSProperties {
  return {
    ...(look.bold ? { fontWeight: 600 } : {}),
    ...(look.italic ? { fontStyle: "italic" } : {}),
    ...(look.size ? { fontSize: `${look.size}pt` } : {}),
    ...(look.color ? { color: look.color } : {}),
    ...(look.fill ? { backgroundColor: look.fill } : {}),
    ...(look.border?.top ? { borderTop: "1px solid #000" } : {}),
    ...(look.border?.bottom ? { borderBottom: "3px double #000" } : {}),
  };
}
