import * as React from "react";
import { Body1, Button, Caption1, Title3 } from "@fluentui/react-components";
import { FUNCTION_IDS, FUNCTION_NAMESPACE } from "../functions/catalog";
import { functionName } from "../functions/registry";
import { messages, setLocale as setFunctionLocale, type Locale } from "../i18n";
import type { FetchOptions } from "../population/scb";
import { TEMPLATE_IDS } from "../templates/ids";
import { blankOptions, EXAMPLE_OPTIONS } from "../templates/options";
import type { TemplateId } from "../templates/spec";
import type { WorkbookService } from "../workbook/service";
import { CheckPanel } from "./CheckPanel";
import { useInsert, useStoredOptions, useWorkbookCheck } from "./hooks";
import { InsertPanel } from "./InsertPanel";
import { NextBudgetPanel } from "./NextBudgetPanel";
import { OptionsForm } from "./OptionsForm";
import { PopulationImport } from "./PopulationImport";
import { OutcomeImport } from "./OutcomeImport";
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

/** The task pane: choose a template, fill in the details, insert; check the workbook; the functions. */
export function App({ service, initialLocale, insideOffice, fetchOptions }: AppProps) {
  const styles = useStyles();
  const [locale, setLocale] = React.useState<Locale>(initialLocale);
  const t = messages(locale);
  const [selected, setSelected] = React.useState<TemplateId>("budget");
  const [form, setForm] = React.useState<Form>(() => toForm(blankOptions()));
  const insert = useInsert(service, t);
  const check = useWorkbookCheck(service, t);
  const storedProblem = useStoredOptions(service, (options) => setForm(toForm(options)));
  const problems = validateOptions(form);
  const valid = Object.keys(problems).length === 0;

  React.useEffect(() => {
    setFunctionLocale(locale);
    document.title = t.app.title;
    document.documentElement.lang = locale;
  }, [locale, t]);

  const chooseContent = (content: Form["content"]) =>
    setForm(
      toForm(
        content === "example"
          ? {
              ...EXAMPLE_OPTIONS,
              // A name the user typed stays; the blank start's placeholder gives way to the example's.
              associationName:
                form.associationName && form.associationName !== blankOptions().associationName
                  ? form.associationName
                  : EXAMPLE_OPTIONS.associationName,
            }
          : {
              ...blankOptions(),
              associationName:
                form.associationName === EXAMPLE_OPTIONS.associationName
                  ? blankOptions().associationName
                  : form.associationName,
            },
      ),
    );

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
      <OptionsForm t={t} form={form} problems={problems} onChange={setForm} onContentChange={chooseContent} />
      <PopulationImport t={t} form={form} onChange={setForm} fetchOptions={fetchOptions} />

      <InsertPanel
        t={t}
        selected={selected}
        valid={valid}
        state={insert.state}
        onInsert={(which) =>
          insert.run(which === "all" ? [...TEMPLATE_IDS] : [selected], toTemplateOptions(form))
        }
      />

      <NextBudgetPanel t={t} service={service} />

      <CheckPanel t={t} state={check.state} onCheck={check.run} onShow={check.show} />
      <OutcomeImport t={t} service={service} />

      <PaneSection id="functions" title={t.app.functionsHeading}>
        <Caption1 as="p">{t.app.functionsIntro}</Caption1>
        <ul className={styles.functionList}>
          {FUNCTION_IDS.map((id) => (
            <li key={id}>
              <span className={styles.functionName}>
                {FUNCTION_NAMESPACE}.{functionName(id, locale)}
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
