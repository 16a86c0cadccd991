import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  mergeClasses,
} from "@fluentui/react-components";
import type { Messages } from "../i18n";
import type { Finding } from "../checks/types";
import type { NotReadReason } from "../checks/layout";
import type { StatementCoverage } from "../checks/report";
import { PaneSection } from "./PaneSection";
import { useStyles } from "./styles";

export type CheckState =
  | { kind: "idle" }
  | { kind: "running" }
  | {
      kind: "done";
      sheets: number;
      findings: Finding[];
      notRead?: { sheet: string; reason: NotReadReason }[];
      /** What the reader left out or could not compute, in words (a sheet too large for Excel's limits). */
      readNotes?: string[];
      /** Per statement: what was read and checked, and what was not. */
      statements?: StatementCoverage[];
    }
  | { kind: "failed"; message: string };

/** Kontrollera arbetsboken: findings by severity, each in words, each with a button to its cell. */
export function CheckPanel({
  t,
  state,
  onCheck,
  onShow,
}: {
  t: Messages;
  state: CheckState;
  onCheck: () => void;
  onShow: (f: Finding) => void;
}) {
  const styles = useStyles();
  return (
    <PaneSection id="check" title={t.pane.checkHeading}>
      <Caption1>{t.pane.checkIntro}</Caption1>
      <div>
        <Button onClick={onCheck} disabled={state.kind === "running"}>
          {t.pane.checkButton}
        </Button>
      </div>
      <div aria-live="polite">
        {state.kind === "running" && <Spinner size="tiny" label={t.pane.checking} />}
        {state.kind === "failed" && (
          <MessageBar intent="error">
            <MessageBarBody>{t.pane.checkFailed(state.message)}</MessageBarBody>
          </MessageBar>
        )}
        {state.kind === "done" && <Summary t={t} sheets={state.sheets} findings={state.findings} />}
      </div>
      {state.kind === "done" && state.findings.length > 0 && (
        <ul className={styles.list} aria-label={t.pane.findingsLabel}>
          {state.findings.map((f, i) => (
            <li
              key={i}
              className={mergeClasses(styles.finding, f.severity === "error" ? styles.error : styles.warning)}
            >
              <Body1>
                <span className={styles.severity}>{t.severity[f.severity]}: </span>
                {t.findings[f.code](f.params)}
              </Body1>
              <div>
                <Button size="small" onClick={() => onShow(f)}>
                  {t.pane.showCell(`${f.sheet}!${f.cell}`)}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {state.kind === "done" && (state.statements?.length ?? 0) > 0 && (
        <ul className={styles.list} aria-label={t.pane.coverageHeading}>
          {state.statements!.map((s) => (
            <li key={`${s.sheet}!${s.range}`}>
              <Caption1>{t.coverageLine(s)}</Caption1>
            </li>
          ))}
        </ul>
      )}
      {state.kind === "done" && (state.notRead?.length ?? 0) + (state.readNotes?.length ?? 0) > 0 && (
        <ul className={styles.list} aria-label={t.pane.notReadHeading}>
          {(state.readNotes ?? []).map((text, i) => (
            <li key={`read-${i}`}>
              <Caption1>{text}</Caption1>
            </li>
          ))}
          {(state.notRead ?? []).map((n) => (
            <li key={n.sheet}>
              <Caption1>{t.notRead[n.reason](n.sheet)}</Caption1>
            </li>
          ))}
        </ul>
      )}
    </PaneSection>
  );
}

function Summary({ t, sheets, findings }: { t: Messages; sheets: number; findings: Finding[] }) {
  if (sheets === 0)
    return (
      <MessageBar intent="info">
        <MessageBarBody>{t.pane.noFinsamSheets}</MessageBarBody>
      </MessageBar>
    );
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  if (findings.length === 0) {
    return (
      <MessageBar intent="success">
        <MessageBarBody>{t.pane.checkedClean(sheets)}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent={errors > 0 ? "error" : "warning"}>
      <MessageBarBody>{t.pane.checkedSummary(sheets, errors, warnings)}</MessageBarBody>
    </MessageBar>
  );
}
