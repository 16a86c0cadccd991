import * as React from "react";
import { Button, Caption1, MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import type { Messages } from "../i18n";
import type { TemplateId } from "../templates";
import type { InsertState } from "./hooks";
import { useStyles } from "./styles";

/**
 * The insert buttons and what came of the last insert. When an insert ends, the focus moves to its result,
 * so that a keyboard or screen-reader user hears what was made (or why not) and goes on from there.
 */
export function InsertPanel({
  t,
  selected,
  valid,
  state,
  onInsert,
}: {
  t: Messages;
  selected: TemplateId;
  valid: boolean;
  state: InsertState;
  onInsert: (which: "selected" | "all") => void;
}) {
  const styles = useStyles();
  const result = React.useRef<HTMLDivElement>(null);
  const busy = state.kind === "running";
  React.useEffect(() => {
    if (state.kind === "done" || state.kind === "failed") result.current?.focus();
  }, [state]);
  return (
    <section className={styles.section} aria-label={t.pane.insertAll}>
      <div className={styles.row}>
        <Button appearance="primary" disabled={!valid || busy} onClick={() => onInsert("selected")}>
          {t.pane.insertOne(t.pane.templates[selected].name)}
        </Button>
        <Button disabled={!valid || busy} onClick={() => onInsert("all")}>
          {t.pane.insertAll}
        </Button>
      </div>
      <div aria-live="polite">
        {!valid && <Caption1>{t.pane.fixProblems}</Caption1>}
        {state.kind === "running" && (
          <Spinner size="tiny" label={t.pane.inserting(state.done, state.total)} />
        )}
        {(state.kind === "done" || state.kind === "failed") && (
          <div ref={result} tabIndex={-1} data-testid="insert-result">
            {state.kind === "done" ? (
              <MessageBar intent="success">
                <MessageBarBody>
                  {t.pane.inserted(state.results.flatMap((r) => r.sheets).join(", "))}
                  {state.results
                    .flatMap((r) => r.renamed)
                    .map((r) => (
                      <div key={`${r.kind}:${r.actual}`}>{t.pane.renamed(r.requested, r.actual)}</div>
                    ))}
                </MessageBarBody>
              </MessageBar>
            ) : (
              <MessageBar intent="error">
                <MessageBarBody>{t.pane.insertFailed(state.message)}</MessageBarBody>
              </MessageBar>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
