import * as React from "react";
import { FileButton } from "./FileButton";
import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
  Textarea,
} from "@fluentui/react-components";
import type { Messages } from "../i18n";
import type { ImportOutcome, ImportProblem, ImportRequest } from "../population/import";
import type { FetchOptions } from "../population/scb";
import { withImportedPopulation } from "../templates/options";
import { PaneSection } from "./PaneSection";
import { useStyles } from "./styles";
import { toForm, toTemplateOptions, type OptionsForm as Form } from "./validateOptions";

type State =
  | { kind: "idle" }
  | { kind: "running"; label: string }
  | { kind: "done"; message: string }
  | { kind: "failed"; problems: ImportProblem[] };

interface Props {
  t: Messages;
  form: Form;
  onChange: (form: Form) => void;
  /** Where SCB's API is and how to reach it (tests); the browser's fetch and SCB's hosts by default. */
  fetchOptions?: FetchOptions;
}

type Importer = typeof import("./populationImporter");
const loadImporter = (): Promise<Importer> =>
  import(/* webpackChunkName: "population" */ "./populationImporter");

/**
 * The fee key from the source: the members' working-age population summed from SCB's own table — from a
 * file saved from Statistikdatabasen, a table pasted in, or fetched from SCB's API when the user asks. The
 * form changes only when every member, age and the year are there; otherwise the pane says what is missing.
 */
export function PopulationImport({ t, form, onChange, fetchOptions }: Props) {
  const styles = useStyles();
  const p = t.population;
  const [year, setYear] = React.useState(() => form.referenceDate.slice(0, 4));
  const [pasted, setPasted] = React.useState("");
  const [state, setState] = React.useState<State>({ kind: "idle" });
  React.useEffect(() => setYear(form.referenceDate.slice(0, 4)), [form.referenceDate]);

  const run = async (
    label: string,
    work: (request: ImportRequest, importer: Importer) => Promise<ImportOutcome>,
  ) => {
    const options = toTemplateOptions(form);
    // The import (its readers, papaparse, jsonstat-toolkit) loads on first use: the first screen needs none of it.
    setState({ kind: "running", label });
    let result: ImportOutcome;
    try {
      const importer = await loadImporter();
      const { request, problems } = importer.importRequest(options, Number(year), new Date());
      if (!request) return setState({ kind: "failed", problems });
      result = await work(request, importer);
    } catch (error) {
      result = { ok: false, problems: [{ kind: "unreadable", detail: (error as Error)?.message ?? "" }] };
    }
    if (!result.ok) return setState({ kind: "failed", problems: result.problems });
    const next = toForm(withImportedPopulation(options, result.populations, result.source));
    // The same members in the same order: they keep their keys.
    next.municipalities.forEach((m, i) => (m.key = form.municipalities[i]?.key ?? m.key));
    onChange(next);
    const { source } = result;
    setState({
      kind: "done",
      message: p.imported(result.populations.length, source.ageBand, source.referenceDate, p.via[source.via]),
    });
  };

  const readFile = async (file: File) => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    await run(p.reading, (request, importer) => importer.importInput({ bytes }, request, file.name));
  };

  const noMembers = form.municipalities.length === 0;
  const busy = state.kind === "running";
  return (
    <PaneSection id="population" title={p.heading}>
      <Caption1 as="p">{p.intro}</Caption1>
      <Field label={p.year}>
        <Input value={year} inputMode="numeric" onChange={(_, d) => setYear(d.value)} />
      </Field>
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={noMembers || busy}
          onClick={() =>
            run(p.stage.v2, (request, importer) =>
              importer.importFromScb(request, {
                ...fetchOptions,
                onStage: (stage) => setState({ kind: "running", label: p.stage[stage] }),
              }),
            )
          }
        >
          {p.fetch}
        </Button>
        <FileButton
          label={p.chooseFile}
          fileLabel={p.fileLabel}
          accept=".csv,.txt,.tsv,.xlsx,.json"
          disabled={noMembers || busy}
          onFile={(file) => void readFile(file)}
        />
      </div>
      <Caption1>{noMembers ? p.needMembers : p.fetchNote}</Caption1>
      <Field label={p.pasteLabel}>
        <Textarea value={pasted} resize="vertical" onChange={(_, d) => setPasted(d.value)} />
      </Field>
      <Button
        disabled={noMembers || busy || !pasted.trim()}
        onClick={() =>
          run(p.reading, (request, importer) => importer.importInput({ text: pasted }, request, null))
        }
      >
        {p.readPasted}
      </Button>
      <div aria-live="polite">
        {state.kind === "running" && <Spinner size="tiny" label={state.label} />}
        {state.kind === "done" && (
          <MessageBar intent="success">
            <MessageBarBody>{state.message}</MessageBarBody>
          </MessageBar>
        )}
        {state.kind === "failed" && (
          <MessageBar intent="error">
            <MessageBarBody>
              {p.failed}
              <ul className={styles.list}>
                {state.problems.slice(0, 8).map((problem, i) => (
                  <li key={i}>{p.problem(problem)}</li>
                ))}
                {state.problems.length > 8 && <li>{p.more(state.problems.length - 8)}</li>}
              </ul>
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
    </PaneSection>
  );
}
