import * as React from "react";
import { Caption1 } from "@fluentui/react-components";
import { FUNCTION_IDS, FUNCTION_NAMESPACE } from "../functions/catalog";
import { functionName } from "../functions/registry";
import { messages, type Locale } from "../i18n";
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
import { PaneSection } from "./PaneSection";
import { useStyles } from "./styles";
import { toForm, toTemplateOptions, validateOptions, type OptionsForm as Form } from "./validateOptions";

export interface PaneBodyProps {
  /** Its catalogue is loaded with this chunk (App), and before any switch of language. */
  locale: Locale;
  service: WorkbookService;
  selected: TemplateId;
  fetchOptions?: FetchOptions;
}

/**
 * Everything of the pane below the template gallery: the options, the population import, insert, next
 * year's budget, the check, the outcome import and the functions. A chunk of its own, loaded right after the
 * first screen (header and gallery) is painted: the form, the checks and their Fluent components are not
 * needed to show it.
 */
export default function PaneBody({ locale, service, selected, fetchOptions }: PaneBodyProps) {
  const t = messages(locale);
  const styles = useStyles();
  const [form, setForm] = React.useState<Form>(() => toForm(blankOptions()));
  const insert = useInsert(service, t);
  const check = useWorkbookCheck(service, t);
  const storedProblem = useStoredOptions(service, (options) => setForm(toForm(options)));
  const problems = validateOptions(form);
  const valid = Object.keys(problems).length === 0;

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
    <>
      {storedProblem && <Caption1 role="status">{t.pane.storedOptionsIgnored[storedProblem]}</Caption1>}
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
    </>
  );
}
