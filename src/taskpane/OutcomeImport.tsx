import * as React from "react";
import { FileButton } from "./FileButton";
import { Caption1, Field, Input, MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import { formatNumber, type Messages } from "../i18n";
import { planImport, readOutcome, type ImportPlan, type ImportProblem } from "../sie/importOutcome";
import type { WorkbookService } from "../workbook/service";
import { PaneSection } from "./PaneSection";
import { useStyles } from "./styles";

type State =
  | { kind: "idle" }
  | { kind: "running" }
  | { kind: "done"; plan: ImportPlan; period: string }
  | { kind: "failed"; message: string };

interface Props {
  t: Messages;
  service: WorkbookService;
}

/**
 * Läs in utfall från bokföringen: a SIE file from the accounting system fills the outcome column of Utfall mot
 * budget by the workbook's Kontoplan, in one action on the workbook; the pane says the period, whether it
 * reconciles with the file's result, and how much no row holds.
 */
export function OutcomeImport({ t, service }: Props) {
  const styles = useStyles();
  const s = t.sie.pane;
  const [months, setMonths] = React.useState("");
  const [state, setState] = React.useState<State>({ kind: "idle" });
  const monthsValue = months.trim() === "" ? undefined : Number(months.trim());
  const monthsValid =
    monthsValue === undefined || (Number.isInteger(monthsValue) && monthsValue >= 1 && monthsValue <= 12);

  const readFile = async (file: File) => {
    setState({ kind: "running" });
    try {
      const read = readOutcome(new Uint8Array(await file.arrayBuffer()), monthsValue);
      if (!read.ok) return setState({ kind: "failed", message: t.sie.problem(read.problem) });
      let planned: ImportPlan | null = null;
      let problem: ImportProblem | null = null;
      await service.writeOutcome((sheets) => {
        const result = planImport(read.read, file.name, sheets);
        if (!result.ok) {
          problem = result.problem;
          return null;
        }
        planned = result.plan;
        return { sheet: result.plan.sheet, cells: result.plan.plan.cells, block: result.plan.plan.block };
      });
      if (problem) return setState({ kind: "failed", message: t.sie.problem(problem) });
      if (!planned) return setState({ kind: "failed", message: s.failed });
      const o = read.read.outcome;
      const iso = (p: string) => `${p.slice(0, 4)}-${p.slice(4, 6)}`;
      setState({
        kind: "done",
        plan: planned,
        period: t.sie.period(iso(o.from), iso(o.to), o.months, t.sie.basis[o.basis]),
      });
    } catch (error) {
      setState({ kind: "failed", message: `${s.failed} ${String((error as Error)?.message ?? error)}` });
    }
  };

  return (
    <PaneSection id="outcome-import" title={s.heading}>
      <Caption1 as="p">{s.intro}</Caption1>
      <Field label={s.months} validationMessage={monthsValid ? undefined : s.badMonths}>
        <Input value={months} inputMode="numeric" onChange={(_, d) => setMonths(d.value)} />
      </Field>
      <div className={styles.row}>
        <FileButton
          label={s.choose}
          fileLabel={s.fileLabel}
          accept=".se,.si,.sie,.txt"
          disabled={!monthsValid || state.kind === "running"}
          onFile={(file) => void readFile(file)}
        />
      </div>
      <div aria-live="polite">
        {state.kind === "running" && <Spinner size="tiny" label={s.reading} />}
        {state.kind === "done" && (
          <MessageBar intent={state.plan.mapped.unmapped.length === 0 ? "success" : "warning"}>
            <MessageBarBody>
              {s.done(state.plan.plan.cells.length, state.plan.sheet, state.period)}{" "}
              {state.plan.mapped.unmapped.length === 0
                ? s.reconciled
                : s.unmapped(
                    state.plan.mapped.unmapped.length,
                    formatNumber(Math.round(state.plan.mapped.unmappedTotal) / 100, t.locale as "sv" | "en"),
                  )}
              {state.plan.mapSheet === null && ` ${t.sie.defaultMap}`}
            </MessageBarBody>
          </MessageBar>
        )}
        {state.kind === "failed" && (
          <MessageBar intent="error">
            <MessageBarBody>{state.message}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </PaneSection>
  );
}
