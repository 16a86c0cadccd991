import * as React from "react";
import { Button, Field, Input, Radio, RadioGroup, Select, Subtitle2 } from "@fluentui/react-components";
import type { Messages } from "../i18n";
import type { OptionsField, OptionsForm as Form, OptionsProblem } from "./validateOptions";
import { PaneSection } from "./PaneSection";
import { useStyles } from "./styles";

export const AGE_BANDS = ["20–64 år", "16–64 år", "18–64 år"];

interface Props {
  t: Messages;
  form: Form;
  problems: Partial<Record<OptionsField, OptionsProblem>>;
  onChange: (form: Form) => void;
  onContentChange: (content: Form["content"]) => void;
}

/** The options, checked as they are typed: a problem shows under its field. */
export function OptionsForm({ t, form, problems, onChange, onContentChange }: Props) {
  const styles = useStyles();
  const f = t.pane.fields;
  const problem = (field: OptionsField) => (problems[field] ? t.pane.problems[problems[field]!] : undefined);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => onChange({ ...form, [key]: value });
  const setMember = (i: number, patch: Partial<Form["municipalities"][number]>) =>
    set(
      "municipalities",
      form.municipalities.map((m, j) => (j === i ? { ...m, ...patch } : m)),
    );
  const move = (i: number, by: number) => {
    const list = [...form.municipalities];
    const [m] = list.splice(i, 1);
    list.splice(i + by, 0, m);
    set("municipalities", list);
  };
  const text = (
    key: "associationName" | "firstYear" | "regionName" | "stateAllotment",
    inputMode?: "numeric" | "decimal",
  ) => (
    <Field label={f[key]} validationMessage={problem(key)} validationState={problems[key] ? "error" : "none"}>
      <Input
        className={styles.fill}
        value={form[key]}
        inputMode={inputMode}
        onChange={(_, d) => set(key, d.value)}
      />
    </Field>
  );

  return (
    <PaneSection id="options" title={t.pane.optionsHeading}>
      <Field label={f.content}>
        <RadioGroup
          value={form.content}
          layout="vertical"
          onChange={(_, d) => onContentChange(d.value as Form["content"])}
        >
          <Radio value="blank" label={f.blank} />
          <Radio value="example" label={f.example} />
        </RadioGroup>
      </Field>
      {text("associationName")}
      {text("firstYear", "numeric")}
      {text("regionName")}
      {text("stateAllotment", "decimal")}
      <fieldset className={styles.section} style={{ border: "none", padding: 0, margin: 0 }}>
        <legend>
          <Subtitle2 as="h3">{f.municipalities}</Subtitle2>
        </legend>
        {problems.municipalities && (
          <Field validationMessage={problem("municipalities")} validationState="error">
            <span />
          </Field>
        )}
        {form.municipalities.map((m, i) => (
          <div key={i} className={styles.member} role="group" aria-label={t.pane.municipalityRow(i + 1)}>
            <Field
              label={f.municipalityName}
              validationMessage={problem(`municipality.${i}.name`)}
              validationState={problems[`municipality.${i}.name`] ? "error" : "none"}
            >
              <Input
                className={styles.fill}
                value={m.name}
                onChange={(_, d) => setMember(i, { name: d.value })}
              />
            </Field>
            <div className={styles.memberRow}>
              <Field
                className={styles.grow}
                label={f.population}
                validationMessage={problem(`municipality.${i}.population`)}
                validationState={problems[`municipality.${i}.population`] ? "error" : "none"}
              >
                <Input
                  className={styles.fill}
                  value={m.population}
                  inputMode="decimal"
                  onChange={(_, d) => setMember(i, { population: d.value })}
                />
              </Field>
              <div className={styles.memberButtons}>
                <Button
                  className={styles.iconButton}
                  appearance="subtle"
                  aria-label={t.pane.moveUp(m.name)}
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                >
                  ↑
                </Button>
                <Button
                  className={styles.iconButton}
                  appearance="subtle"
                  aria-label={t.pane.moveDown(m.name)}
                  disabled={i === form.municipalities.length - 1}
                  onClick={() => move(i, 1)}
                >
                  ↓
                </Button>
                <Button
                  className={styles.iconButton}
                  appearance="subtle"
                  aria-label={t.pane.removeMunicipality(m.name)}
                  onClick={() =>
                    set(
                      "municipalities",
                      form.municipalities.filter((_, j) => j !== i),
                    )
                  }
                >
                  ✕
                </Button>
              </div>
            </div>
          </div>
        ))}
        <Button onClick={() => set("municipalities", [...form.municipalities, { name: "", population: "" }])}>
          {t.pane.addMunicipality}
        </Button>
      </fieldset>
      <Field
        label={f.ageBand}
        validationMessage={problem("ageBand")}
        validationState={problems.ageBand ? "error" : "none"}
      >
        <Select value={form.ageBand} onChange={(_, d) => set("ageBand", d.value)}>
          {AGE_BANDS.map((band) => (
            <option key={band}>{band}</option>
          ))}
        </Select>
      </Field>
      <Field
        label={f.referenceDate}
        validationMessage={problem("referenceDate")}
        validationState={problems.referenceDate ? "error" : "none"}
      >
        <Input type="date" value={form.referenceDate} onChange={(_, d) => set("referenceDate", d.value)} />
      </Field>
    </PaneSection>
  );
}
