import * as React from "react";
import { readNoteText } from "../workbook/readNotes";
import type { Finding } from "../checks/types";
import type { Messages } from "../i18n";
import type { TemplateId, TemplateOptions } from "../templates";
import type { InsertResult } from "../workbook/officeRenderer";
import type { WorkbookService } from "../workbook/service";
import { readStored, type StoredProblem } from "../workbook/storedOptions";
import type { CheckState } from "./CheckPanel";

/**
 * The pane's state machines, each in its own hook so that App only composes: inserting templates, checking
 * the workbook, and the options last used in this workbook.
 */
export type InsertState =
  | { kind: "idle" }
  | { kind: "running"; done: number; total: number }
  | { kind: "done"; results: InsertResult[] }
  | { kind: "failed"; message: string };

/** Insert: running with progress, then the sheets made (and what was renamed), or why not. */
export function useInsert(service: WorkbookService, t: Messages) {
  const [state, setState] = React.useState<InsertState>({ kind: "idle" });
  const run = React.useCallback(
    async (ids: TemplateId[], options: TemplateOptions) => {
      setState({ kind: "running", done: 0, total: ids.length });
      try {
        const results = await service.insert(ids, options, (done, total) =>
          setState({ kind: "running", done, total }),
        );
        setState({ kind: "done", results });
        service.saveOptions(options).catch(() => undefined); // the insert is done; a lost setting is not an error
      } catch (error) {
        setState({ kind: "failed", message: errorMessage(error, t) });
      }
    },
    [service, t],
  );
  return { state, run };
}

/** Kontrollera arbetsboken: read every sheet, check, and show a finding's cell on request. */
export function useWorkbookCheck(service: WorkbookService, t: Messages) {
  const [state, setState] = React.useState<CheckState>({ kind: "idle" });
  const run = React.useCallback(async () => {
    setState({ kind: "running" });
    try {
      // The checks load on first use, while the sheets are read: the first screen needs none of them.
      const [{ checkWorkbook }, read] = await Promise.all([
        import(/* webpackChunkName: "checks" */ "../checks"),
        service.readWorkbook
          ? service.readWorkbook()
          : service.readSheets().then((sheets) => ({ sheets, notes: [] })),
      ]);
      const { recognised, notRead, findings, statements } = checkWorkbook(read.sheets);
      const readNotes = read.notes.map((n) => readNoteText(t, n));
      setState({ kind: "done", sheets: recognised.length, findings, notRead, readNotes, statements });
    } catch (error) {
      setState({ kind: "failed", message: errorMessage(error, t) });
    }
  }, [service, t]);
  const show = React.useCallback(
    (f: Finding) => {
      service
        .select(f.sheet, f.cell)
        .catch((error) => setState({ kind: "failed", message: errorMessage(error, t) }));
    },
    [service, t],
  );
  return { state, run, show };
}

/** The options last saved in this workbook, read once against the stored schema. */
export function useStoredOptions(service: WorkbookService, onOptions: (options: TemplateOptions) => void) {
  const [problem, setProblem] = React.useState<StoredProblem | null>(null);
  const apply = React.useRef(onOptions);
  apply.current = onOptions;
  React.useEffect(() => {
    let live = true;
    service.loadOptions().then(
      (raw) => {
        if (!live) return;
        const { options, problem: found } = readStored(raw);
        if (options) apply.current(options);
        if (found) setProblem(found);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [service]);
  return problem;
}

export function errorMessage(error: unknown, t: Messages): string {
  // A failed insert says whether it left the workbook as it was, or exactly what remains.
  const failed = error as {
    name?: string;
    message?: string;
    remaining?: { sheets: string[]; names: string[] };
  };
  if (failed?.name === "InsertFailed" && failed.remaining) {
    const left = [...failed.remaining.sheets, ...failed.remaining.names];
    const reason = failed.message?.trim() || t.pane.unknownError;
    return left.length === 0 ? t.pane.insertUndone(reason) : t.pane.insertLeftovers(reason, left.join(", "));
  }
  const message = (error as { message?: unknown })?.message;
  return typeof message === "string" && message.trim() ? message : t.pane.unknownError;
}
