import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  Title3,
} from "@fluentui/react-components";
import { checkWorkbook } from "../checks";
import type { Finding } from "../checks/types";
import { FUNCTION_IDS, FUNCTION_NAMESPACE } from "../functions/catalog";
import { messages, setLocale as setFunctionLocale, type Locale, type Messages } from "../i18n";
import type { FetchOptions } from "../population/scb";
import {
  blankOptions,
  EXAMPLE_OPTIONS,
  TEMPLATE_IDS,
  type TemplateId,
  type TemplateOptions,
} from "../templates";
import type { InsertResult } from "../workbook/officeRenderer";
import type { WorkbookService } from "../workbook/service";
import { readStored, type StoredProblem } from "../workbook/storedOptions";
import { CheckPanel, type CheckState } from "./CheckPanel";
import { OptionsForm } from "./OptionsForm";
import { PopulationImport } from "./PopulationImport";
import { TemplateGallery } from "./TemplateGallery";
import { PaneSection } from "./PaneSection";
import { useStyles } from "./styles";
import { toForm, toTemplateOptions, validateOptions, type OptionsForm as Form } from "./validateOptions";

export interface AppProps {
  service: WorkbookService;
  initialLocale: Locale;
  insideOffice: boolean;
  /** How SCB's API is reached (tests); the browser's fetch by default. */
  fetchOptions?: FetchOptions;
}

type InsertState =
  | { kind: "idle" }
  | { kind: "running"; done: number; total: number }
  | { kind: "done"; results: InsertResult[] }
  | { kind: "failed"; message: string };

/** The task pane: choose a template, fill in the details, insert; check the workbook; the functions. */
export function App({ service, initialLocale, insideOffice, fetchOptions }: AppProps) {
  const styles = useStyles();
  const [locale, setLocale] = React.useState<Locale>(initialLocale);
  const t = messages(locale);
  const [selected, setSelected] = React.useState<TemplateId>("budget");
  const [form, setForm] = React.useState<Form>(() => toForm(blankOptions()));
  const [insert, setInsert] = React.useState<InsertState>({ kind: "idle" });
  const [check, setCheck] = React.useState<CheckState>({ kind: "idle" });
  const [storedProblem, setStoredProblem] = React.useState<StoredProblem | null>(null);
  const problems = validateOptions(form);
  const valid = Object.keys(problems).length === 0;

  React.useEffect(() => {
    setFunctionLocale(locale);
    document.title = t.app.title;
    document.documentElement.lang = locale;
  }, [locale, t]);

  // The options last used in this workbook.
  React.useEffect(() => {
    let live = true;
    service.loadOptions().then(
      (raw) => {
        if (!live) return;
        const { options, problem } = readStored(raw);
        if (options) setForm(toForm(options));
        if (problem) setStoredProblem(problem);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [service]);

  const run = async (ids: TemplateId[]) => {
    const options: TemplateOptions = toTemplateOptions(form);
    setInsert({ kind: "running", done: 0, total: ids.length });
    try {
      const results = await service.insert(ids, options, (done, total) =>
        setInsert({ kind: "running", done, total }),
      );
      setInsert({ kind: "done", results });
      service.saveOptions(options).catch(() => undefined);
    } catch (error) {
      setInsert({ kind: "failed", message: errorMessage(error, t) });
    }
  };

  const runCheck = async () => {
    setCheck({ kind: "running" });
    try {
      const { recognised, notRead, findings } = checkWorkbook(await service.readSheets());
      setCheck({ kind: "done", sheets: recognised.length, findings, notRead });
    } catch (error) {
      setCheck({ kind: "failed", message: errorMessage(error, t) });
    }
  };

  const show = (f: Finding) => {
    service
      .select(f.sheet, f.cell)
      .catch((error) => setCheck({ kind: "failed", message: errorMessage(error, t) }));
  };

  const busy = insert.kind === "running";
  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <div className={styles.headerRow}>
          <Title3 as="h1">{t.app.title}</Title3>
          <Button
            appearance="subtle"
            size="small"
            aria-label={t.pane.otherLanguageLabel}
            onClick={() => setLocale(locale === "sv" ? "en" : "sv")}
          >
            {t.pane.otherLanguage}
          </Button>
        </div>
        <Body1>{t.app.tagline}</Body1>
        {!insideOffice && <Caption1 role="status">{t.app.outsideOffice}</Caption1>}
        {storedProblem && <Caption1 role="status">{t.pane.storedOptionsIgnored[storedProblem]}</Caption1>}
      </header>

      <TemplateGallery t={t} selected={selected} onSelect={setSelected} />
      <OptionsForm
        t={t}
        form={form}
        problems={problems}
        onChange={setForm}
        onContentChange={(content) =>
          setForm(
            toForm(
              content === "example"
                ? {
                    ...EXAMPLE_OPTIONS,
                    associationName: form.associationName || EXAMPLE_OPTIONS.associationName,
                  }
                : {
                    ...blankOptions(),
                    associationName:
                      form.associationName === EXAMPLE_OPTIONS.associationName
                        ? blankOptions().associationName
                        : form.associationName,
                  },
            ),
          )
        }
      />
      <PopulationImport t={t} form={form} onChange={setForm} fetchOptions={fetchOptions} />

      <section className={styles.section} aria-label={t.pane.insertAll}>
        <div className={styles.row}>
          <Button appearance="primary" disabled={!valid || busy} onClick={() => run([selected])}>
            {t.pane.insertOne(t.pane.templates[selected].name)}
          </Button>
          <Button disabled={!valid || busy} onClick={() => run(TEMPLATE_IDS)}>
            {t.pane.insertAll}
          </Button>
        </div>
        <div aria-live="polite">
          {!valid && <Caption1>{t.pane.fixProblems}</Caption1>}
          {insert.kind === "running" && (
            <Spinner size="tiny" label={t.pane.inserting(insert.done, insert.total)} />
          )}
          {insert.kind === "done" && (
            <MessageBar intent="success">
              <MessageBarBody>
                {t.pane.inserted(insert.results.flatMap((r) => r.sheets).join(", "))}
                {insert.results
                  .flatMap((r) => r.renamed)
                  .map((r) => (
                    <div key={`${r.kind}:${r.actual}`}>{t.pane.renamed(r.requested, r.actual)}</div>
                  ))}
              </MessageBarBody>
            </MessageBar>
          )}
          {insert.kind === "failed" && (
            <MessageBar intent="error">
              <MessageBarBody>{t.pane.insertFailed(insert.message)}</MessageBarBody>
            </MessageBar>
          )}
        </div>
      </section>

      <CheckPanel t={t} state={check} onCheck={runCheck} onShow={show} />

      <PaneSection id="functions" title={t.app.functionsHeading}>
        <Caption1 as="p">{t.app.functionsIntro}</Caption1>
        <ul className={styles.functionList}>
          {FUNCTION_IDS.map((id) => (
            <li key={id}>
              <span className={styles.functionName}>
                {FUNCTION_NAMESPACE}.{id}
              </span>
              <br />
              <Caption1>{t.functionSummaries[id]}</Caption1>
            </li>
          ))}
        </ul>
      </PaneSection>
    </main>
  );
}

function errorMessage(error: unknown, t: Messages): string {
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
