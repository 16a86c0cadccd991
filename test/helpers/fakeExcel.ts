/**
 * A recording fake of the part of the Excel JavaScript API the renderer uses. It behaves like Office.js
 * where it matters for the tests: every command is queued and runs at `context.sync()`, in order; the first
 * that fails (a sheet, table or name that exists, a block that does not fit) rejects the sync, the commands
 * before it stay done and the ones after it are dropped. Collections must be loaded and synced before their
 * items are read. Every write is recorded against its sheet, so a test can prove that nothing the user had
 * was changed. `syncs` counts `context.sync()`; `beforeSync` lets a test act between two syncs (another
 * user taking a name) and `failAtSync` makes the n-th sync fail at its last command.
 */
import { parseRange } from "../../src/sheet/a1";

type Grid = Map<string, unknown>;

export interface Write {
  sheet: string;
  address: string;
  property: string;
  value: unknown;
}

class Loadable<T extends { name: string }> {
  private loaded = false;
  constructor(
    private readonly list: T[],
    private readonly context: FakeContext,
  ) {}
  load(): this {
    this.context.pendingLoads.push(() => {
      this.loaded = true;
    });
    return this;
  }
  get items(): T[] {
    if (!this.loaded) throw new Error("PropertyNotLoaded: load() and sync() before reading items");
    return this.list;
  }
}

export class FakeRange {
  readonly format: Record<string, unknown>;
  readonly dataValidation: Record<string, unknown> = {};
  readonly conditionalFormats = {
    add: (type: string) => {
      const cf = {
        type,
        custom: { rule: { formula: "" }, format: { fill: { color: "" }, font: { color: "" } } },
      };
      this.sheet.workbook.context.enqueue(() =>
        this.sheet.conditionalFormats.push({ range: this.address, cf }),
      );
      return cf;
    },
  };
  constructor(
    readonly sheet: FakeWorksheet,
    readonly address: string,
  ) {
    const record = (property: string) => (value: unknown) => sheet.record(address, property, value);
    const recorder = (prefix: string): Record<string, unknown> =>
      new Proxy({} as Record<string, unknown>, {
        get: (target, key: string) => {
          if (key === "getItem") return (edge: string) => recorder(`${prefix}.${edge}`);
          if (!(key in target)) target[key] = recorder(`${prefix}.${key}`);
          return target[key];
        },
        set: (_t, key: string, value) => {
          record(`${prefix}.${key}`)(value);
          return true;
        },
      });
    this.format = recorder("format");
    this.dataValidation = new Proxy({} as Record<string, unknown>, {
      set: (_t, key: string, value) => {
        record(`dataValidation.${key}`)(value);
        return true;
      },
    });
  }
  set formulas(grid: unknown[][]) {
    this.sheet.writeGrid(this.address, grid, "formulas");
  }
  set values(grid: unknown[][]) {
    this.sheet.writeGrid(this.address, grid, "values");
  }
  set numberFormat(grid: unknown[][]) {
    this.sheet.record(this.address, "numberFormat", grid);
  }
  select(): void {
    this.sheet.workbook.context.enqueue(
      () => (this.sheet.workbook.selected = `${this.sheet.name}!${this.address}`),
    );
  }
}

export class FakeWorksheet {
  readonly cells: Grid = new Map();
  readonly conditionalFormats: { range: string; cf: unknown }[] = [];
  readonly chartList: {
    type: string;
    source: string;
    title: { text: string };
    position?: [string, string];
  }[] = [];
  protected_ = false;
  readonly tables: {
    add: (
      range: FakeRange | string,
      hasHeaders: boolean,
    ) => { name: string; style: string; showFilterButton: boolean };
  };
  readonly charts: { add: (type: string, source: FakeRange, seriesBy: string) => unknown };
  readonly freezePanes = {
    freezeRows: (n: number) => this.record("", "freezeRows", n),
    freezeColumns: (n: number) => this.record("", "freezeColumns", n),
    freezeAt: (r: FakeRange) => this.record(r.address, "freezeAt", true),
  };
  /** The page setup as a test reads it back: every property set and every call, recorded like a write. */
  readonly pageLayout: Record<string, unknown> = new Proxy({} as Record<string, unknown>, {
    get: (target, key: string) => {
      if (key === "headersFooters") {
        const pages = new Proxy({} as Record<string, unknown>, {
          set: (_t, k: string, value) => {
            this.record("", `pageLayout.headersFooters.${k}`, value);
            return true;
          },
        });
        return { defaultForAllPages: pages };
      }
      if (key.startsWith("set")) return (value: unknown) => this.record("", `pageLayout.${key}`, value);
      return target[key];
    },
    set: (_t, key: string, value) => {
      this.record("", `pageLayout.${key}`, value);
      return true;
    },
  });
  readonly horizontalPageBreaks = {
    add: (address: string) => this.record(address, "pageBreak", true),
  };
  readonly protection = {
    protect: (options: unknown) => {
      this.record("", "protect", options);
      this.workbook.context.enqueue(() => (this.protected_ = true));
    },
    unprotect: () => {
      this.record("", "unprotect", true);
      this.workbook.context.enqueue(() => (this.protected_ = false));
    },
    /** Loads `protected`, read after the sync. */
    load: () => {
      const state = { protected: false };
      this.workbook.context.pendingLoads.push(() => {
        state.protected = this.protected_;
      });
      return state;
    },
  };

  constructor(
    public name: string,
    readonly workbook: FakeWorkbook,
  ) {
    this.tables = {
      add: (range, hasHeaders) => {
        const address = typeof range === "string" ? range : range.address;
        const table = {
          _name: `Table${workbook.tableList.length + 1}`,
          address,
          hasHeaders,
          sheet: this.name,
          style: "",
          showFilterButton: true,
        };
        const proxy = {
          get name() {
            return table._name;
          },
          set name(value: string) {
            workbook.context.enqueue(() => {
              workbook.assertFreeIdentifier(value);
              table._name = value;
            });
          },
          set style(v: string) {
            table.style = v;
          },
          set showFilterButton(v: boolean) {
            table.showFilterButton = v;
          },
        } as { name: string; style: string; showFilterButton: boolean };
        workbook.context.enqueue(() =>
          workbook.tableList.push({
            get name() {
              return table._name;
            },
            address,
            sheet: this.name,
          }),
        );
        return proxy;
      },
    };
    this.charts = {
      add: (type, source) => {
        const chart = {
          type,
          source: source.address,
          title: { text: "" },
          position: undefined as [string, string] | undefined,
          setPosition: (a: string, b: string) => (chart.position = [a, b]),
        };
        workbook.context.enqueue(() => this.chartList.push(chart));
        return chart;
      },
    };
  }

  getRange(address: string): FakeRange {
    return new FakeRange(this, address);
  }

  /**
   * The block from the first to the last cell with a value, as Excel reads it after a sync; null when empty.
   * Its address and size come with any load; its values only when "values" is loaded, and they count
   * towards the request's answer size (FakeContext.requestBytes).
   */
  getUsedRangeOrNullObject(_valuesOnly?: boolean) {
    const used = {
      isNullObject: true,
      values: [] as unknown[][],
      rowIndex: 0,
      columnIndex: 0,
      rowCount: 0,
      columnCount: 0,
      load: (props = "values") => {
        this.workbook.context.pendingLoads.push(() => {
          const keys = [...this.cells]
            .filter(([, v]) => v !== "" && v !== null && v !== undefined)
            .map(([k]) => k.split(",").map(Number));
          if (keys.length === 0) return 0;
          let top = Infinity;
          let left = Infinity;
          let bottom = 0;
          let right = 0;
          for (const [r, c] of keys) {
            top = Math.min(top, r);
            left = Math.min(left, c);
            bottom = Math.max(bottom, r);
            right = Math.max(right, c);
          }
          used.isNullObject = false;
          used.rowIndex = top - 1;
          used.columnIndex = left - 1;
          used.rowCount = bottom - top + 1;
          used.columnCount = right - left + 1;
          if (!/values/.test(props)) return 0;
          used.values = this.block(top, left, used.rowCount, used.columnCount, "values");
          return JSON.stringify(used.values).length;
        });
        return used;
      },
    };
    return used;
  }

  /** A block by its top-left index (0-based) and size, whose values and formulas load at the next sync. */
  getRangeByIndexes(row: number, column: number, rows: number, columns: number) {
    const range = {
      values: [] as unknown[][],
      formulas: [] as unknown[][],
      load: (props = "values") => {
        this.workbook.context.requestedCells += rows * columns;
        this.workbook.context.pendingLoads.push(() => {
          let bytes = 0;
          if (/values/.test(props)) {
            range.values = this.block(row + 1, column + 1, rows, columns, "values");
            bytes += JSON.stringify(range.values).length;
          }
          if (/formulas/.test(props)) {
            range.formulas = this.block(row + 1, column + 1, rows, columns, "formulas");
            bytes += JSON.stringify(range.formulas).length;
          }
          return bytes;
        });
        return range;
      },
    };
    return range;
  }

  /** The cells of a block (1-based top-left) as values ("=…" text has no result here: "") or formulas. */
  private block(top: number, left: number, rows: number, columns: number, what: "values" | "formulas") {
    return Array.from({ length: rows }, (_, i) =>
      Array.from({ length: columns }, (_, j) => {
        const v = this.cells.get(`${top + i},${left + j}`) ?? "";
        if (what === "formulas") return v;
        return typeof v === "string" && v.startsWith("=")
          ? (this.results.get(`${top + i},${left + j}`) ?? "")
          : v;
      }),
    );
  }

  /** What a formula cell shows (its cached result), for the cells a test sets as formulas. */
  readonly results = new Map<string, unknown>();

  activate(): void {
    this.workbook.context.enqueue(() => (this.workbook.active = this.name));
  }

  record(address: string, property: string, value: unknown): void {
    this.workbook.context.enqueue(() =>
      this.workbook.writes.push({ sheet: this.name, address, property, value }),
    );
  }

  writeGrid(address: string, grid: unknown[][], property: string): void {
    this.workbook.context.enqueue(() => {
      const r = parseRange(address);
      if (grid.length !== r.bottom - r.top + 1 || grid.some((row) => row.length !== r.right - r.left + 1)) {
        throw new Error(`InvalidArgument: a ${grid.length}-row block does not fit ${address}`);
      }
      this.workbook.writes.push({ sheet: this.name, address, property, value: grid });
      grid.forEach((row, i) => row.forEach((v, j) => this.cells.set(`${r.top + i},${r.left + j}`, v)));
    });
  }

  /** Names scoped to this sheet (deleted with it). */
  readonly names = {
    list: [] as { name: string; comment?: string }[],
    add: (name: string, _reference: unknown, comment?: string) => {
      this.workbook.context.enqueue(() => {
        if (this.names.list.some((n) => n.name.toUpperCase() === name.toUpperCase()))
          throw new Error(`ItemAlreadyExists: ${name}`);
        this.names.list.push({ name, comment });
      });
      return {};
    },
    getItemOrNullObject: (name: string) => {
      const result = { isNullObject: true, comment: "", load: () => result };
      this.workbook.context.pendingLoads.push(() => {
        const item = this.names.list.find((n) => n.name.toUpperCase() === name.toUpperCase());
        result.isNullObject = !item;
        result.comment = item?.comment ?? "";
      });
      return result;
    },
  };

  delete(): void {
    this.workbook.context.enqueue(() => {
      const i = this.workbook.sheetList.indexOf(this);
      if (i < 0) throw new Error(`ItemNotFound: ${this.name}`);
      this.workbook.sheetList.splice(i, 1);
      this.workbook.tableList.splice(
        0,
        this.workbook.tableList.length,
        ...this.workbook.tableList.filter((t) => t.sheet !== this.name),
      );
    });
  }
}

export class FakeWorkbook {
  readonly sheetList: FakeWorksheet[] = [];
  readonly tableList: { name: string; address: string; sheet: string }[] = [];
  readonly nameList: { name: string; reference: string; comment?: string }[] = [];
  readonly writes: Write[] = [];
  active = "";
  selected = "";
  readonly worksheets: Loadable<FakeWorksheet> & {
    add(name: string): FakeWorksheet;
    getItem(name: string): FakeWorksheet;
  };
  readonly tables: Loadable<{ name: string }>;
  readonly names: Loadable<{ name: string }> & {
    add(name: string, reference: FakeRange | string, comment?: string): unknown;
    getItemOrNullObject(name: string): {
      isNullObject: boolean;
      formula: string;
      load(): unknown;
      delete(): void;
    };
  };

  constructor(readonly context: FakeContext) {
    const worksheets = new Loadable(this.sheetList, context) as FakeWorkbook["worksheets"];
    worksheets.add = (name: string) => {
      const ws = new FakeWorksheet(name, this);
      context.enqueue(() => {
        if (this.sheetList.some((s) => s.name.toLowerCase() === name.toLowerCase()))
          throw new Error(`ItemAlreadyExists: sheet ${name}`);
        if (name.length > 31 || /[[\]:*?/\\]/.test(name))
          throw new Error(`InvalidArgument: sheet name ${name}`);
        this.sheetList.push(ws);
      });
      return ws;
    };
    worksheets.getItem = (name: string) => {
      const ws = this.sheetList.find((s) => s.name === name);
      if (!ws) throw new Error(`ItemNotFound: ${name}`);
      return ws;
    };
    this.worksheets = worksheets;
    this.tables = new Loadable(this.tableList, context);
    const names = new Loadable(this.nameList, context) as unknown as FakeWorkbook["names"];
    names.add = (name: string, reference: FakeRange | string, comment?: string) => {
      const ref = typeof reference === "string" ? reference : `${reference.sheet.name}!${reference.address}`;
      context.enqueue(() => {
        this.assertFreeIdentifier(name);
        this.nameList.push({ name, reference: ref, comment });
      });
      return {};
    };
    names.getItemOrNullObject = (name: string) => {
      const result = {
        isNullObject: true,
        formula: "",
        load: () => result,
        delete: () =>
          context.enqueue(() => {
            const i = this.nameList.findIndex((n) => n.name.toUpperCase() === name.toUpperCase());
            if (i >= 0) this.nameList.splice(i, 1);
          }),
      };
      context.pendingLoads.push(() => {
        const item = this.nameList.find((n) => n.name.toUpperCase() === name.toUpperCase());
        result.isNullObject = !item;
        result.formula = item ? `=${item.reference}` : "";
      });
      return result;
    };
    this.names = names;
  }

  /** Tables and names share one namespace in Excel. */
  assertFreeIdentifier(name: string): void {
    const taken = [...this.tableList.map((t) => t.name), ...this.nameList.map((n) => n.name)];
    if (taken.some((t) => t.toUpperCase() === name.toUpperCase()))
      throw new Error(`ItemAlreadyExists: ${name}`);
  }
}

export class FakeContext {
  syncs = 0;
  suspended = 0;
  /** Loads run at the next sync; each returns the bytes its answer adds (0 for a small property). */
  pendingLoads: (() => number | void)[] = [];
  /** Excel on the web's limit on one request's answer (about 5 MB); null for none. */
  requestBytes: number | null = null;
  /** The largest answer a sync gave, in bytes, and the cells asked for with getRangeByIndexes. */
  largestAnswer = 0;
  requestedCells = 0;
  private queue: (() => void)[] = [];
  /** Runs before the n-th sync executes its commands (1-based): another user acting in between. */
  beforeSync: ((n: number) => void) | null = null;
  /** The n-th sync fails at its last command, after the ones before it ran (or, with only loads, at once). */
  failAtSync: number | null = null;

  enqueue(command: () => void): void {
    this.queue.push(command);
  }
  readonly workbook: FakeWorkbook;
  readonly application = { suspendApiCalculationUntilNextSync: () => void this.suspended++ };

  constructor() {
    this.workbook = new FakeWorkbook(this);
  }

  async sync(): Promise<void> {
    this.syncs++;
    this.beforeSync?.(this.syncs);
    const commands = this.queue.splice(0);
    const loads = this.pendingLoads.splice(0);
    if (this.failAtSync === this.syncs && commands.length === 0)
      throw new Error("GeneralException: the sync failed (injected)"); // a load-only sync fails as a whole
    for (let i = 0; i < commands.length; i++) {
      if (this.failAtSync === this.syncs && i === commands.length - 1)
        throw new Error("GeneralException: the sync failed (injected)");
      commands[i](); // a failing command rejects the sync; the commands after it never run
    }
    let bytes = 0;
    for (const load of loads) bytes += load() ?? 0;
    this.largestAnswer = Math.max(this.largestAnswer, bytes);
    if (this.requestBytes !== null && bytes > this.requestBytes)
      throw new Error("RichApi.Error: The response payload size has exceeded the limit.");
  }

  /** A user's workbook: sheets with cells, tables and names that must survive an insert untouched. */
  static withUserContent(content: {
    sheets: Record<string, Record<string, unknown>>;
    tables: { name: string; sheet: string; address: string }[];
    names: string[];
  }): FakeContext {
    const context = new FakeContext();
    const wb = context.workbook;
    for (const [name, cells] of Object.entries(content.sheets)) {
      const ws = new FakeWorksheet(name, wb);
      for (const [key, value] of Object.entries(cells)) ws.cells.set(key, value);
      wb.sheetList.push(ws);
    }
    for (const t of content.tables) wb.tableList.push({ ...t });
    for (const n of content.names) wb.nameList.push({ name: n, reference: "Budget!A1" });
    return context;
  }
}
