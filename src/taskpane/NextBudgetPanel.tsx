import * as React from "react";
import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
} from "@fluentui/react-components";
import type { Messages } from "../i18n";
import { nextBudgetFrom } from "../templates/nextBudgetFrom";
import type { WorkbookService } from "../workbook/service";
import { errorMessage } from "./hooks";
import { PaneSection } from "./PaneSection";
import { useStyles } from "./styles";
import { parseAmount } from "./validateOptions";

type State =
  | { kind: "idle" }
  | { kind: "running" }
  | { kind: "done"; sheet: string; key: string; equity: string }
  | { kind: "failed"; message: string };

/**
 * Ny budgetomgång: the state allotment just announced and the cost index for the new last year; the plan in
 * the workbook is read, rolled one year on and inserted as a new sheet beside it. A field's problem shows once
 * it has been left or the button pressed.
 */
export function NextBudgetPanel({ t, service }: { t: Messages; service: WorkbookService }) {
  const styles = useStyles();
  const [allotment, setAllotment] = React.useState("");
  const [index, setIndex] = React.useState("2");
  const [touched, setTouched] = React.useState({ allotment: false, index: false });
  const [state, setState] = React.useState<State>({ kind: "idle" });
  const result = React.useRef<HTMLDivElement>(null);
  const parsedAllotment = parseAmount(allotment, "tkr");
  const parsedIndex = parseAmount(index, "tkr");
  const allotmentProblem =
    parsedAllotment.kind === "empty"
      ? t.pane.problems.required
      : parsedAllotment.kind === "ambiguous"
        ? t.pane.ambiguousThousands(allotment.trim(), parsedAllotment.readings)
        : parsedAllotment.kind === "invalid"
          ? t.pane.problems.notANumber
          : parsedAllotment.value < 0
            ? t.pane.problems.negative
            : undefined;
  const indexProblem = parsedIndex.kind === "number" ? undefined : t.pane.problems.notANumber;
  React.useEffect(() => {
    if (state.kind === "done" || state.kind === "failed") result.current?.focus();
  }, [state]);

  const run = async () => {
    setTouched({ allotment: true, index: true });
    if (
      allotmentProblem ||
      indexProblem ||
      parsedAllotment.kind !== "number" ||
      parsedIndex.kind !== "number"
    )
      return;
    setState({ kind: "running" });
    try {
      const built = nextBudgetFrom(await service.readSheets(), {
        stateAllotment: parsedAllotment.value,
        costIndex: parsedIndex.value / 100,
      });
      if ("problem" in built) {
        setState({ kind: "failed", message: t.nextBudget.problems[built.problem] });
        return;
      }
      const inserted = await service.insertSpec(built.spec);
      setState({
        kind: "done",
        sheet: inserted.sheets[0],
        key: built.input.feeKey.source,
        equity: built.input.opening.source,
      });
    } catch (error) {
      setState({ kind: "failed", message: errorMessage(error, t) });
    }
  };

  const shown = (problem: string | undefined, field: keyof typeof touched) =>
    touched[field] ? problem : undefined;
  return (
    <PaneSection id="next-budget" title={t.nextBudget.heading}>
      <Caption1 as="p">{t.nextBudget.intro}</Caption1>
      <Field
        label={t.nextBudget.allotment}
        validationMessage={shown(allotmentProblem, "allotment")}
        validationState={shown(allotmentProblem, "allotment") ? "error" : "none"}
      >
        <Input
          value={allotment}
          inputMode="decimal"
          onChange={(_, d) => setAllotment(d.value)}
          onBlur={() => setTouched((s) => ({ ...s, allotment: true }))}
        />
      </Field>
      <Field
        label={t.nextBudget.index}
        validationMessage={shown(indexProblem, "index")}
        validationState={shown(indexProblem, "index") ? "error" : "none"}
      >
        <Input
          value={index}
          inputMode="decimal"
          onChange={(_, d) => setIndex(d.value)}
          onBlur={() => setTouched((s) => ({ ...s, index: true }))}
        />
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" disabled={state.kind === "running"} onClick={run}>
          {t.nextBudget.run}
        </Button>
      </div>
      <div aria-live="polite">
        {state.kind === "running" && <Spinner size="tiny" label={t.nextBudget.running} />}
        {(state.kind === "done" || state.kind === "failed") && (
          <div ref={result} tabIndex={-1} data-testid="next-budget-result">
            <MessageBar intent={state.kind === "done" ? "success" : "error"}>
              <MessageBarBody>
                {state.kind === "done"
                  ? t.nextBudget.done(state.sheet, state.key, state.equity)
                  : t.nextBudget.failed(state.message)}
              </MessageBarBody>
            </MessageBar>
          </div>
        )}
      </div>
    </PaneSection>
  );
}
