import * as React from "react";
import {
  Button,
  Caption1,
  Combobox,
  Field,
  Input,
  Option,
  Radio,
  RadioGroup,
  Select,
  Subtitle2,
} from "@fluentui/react-components";
import type { Messages } from "../i18n";
import { AGE_BANDS } from "../population/ageBands";
import {
  commonRegion,
  municipalityByCode,
  REGIONS,
  resolveMunicipality,
  resolveRegion,
  searchMunicipalities,
} from "../population/municipalities";
import {
  memberKey,
  newMember,
  type MemberForm,
  type OptionsField,
  type OptionsForm as Form,
  type OptionsProblem,
} from "./validateOptions";
import { PaneSection } from "./PaneSection";
import { useStyles } from "./styles";

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
  const setMember = (i: number, patch: Partial<MemberForm>) => {
    const municipalities = form.municipalities.map((m, j) => {
      if (j !== i) return m;
      const next = { ...m, ...patch };
      // Another municipality: the value imported for the one before no longer applies.
      return next.code !== m.code ? { ...next, imported: null } : next;
    });
    // The region follows from the members' codes, unless the user has chosen one.
    const region = commonRegion(municipalities.flatMap((m) => (m.code ? [m.code] : [])));
    const follow = region && !form.regionName.trim();
    onChange({
      ...form,
      municipalities,
      ...(follow ? { regionName: region.name, regionCode: region.code } : {}),
    });
  };
  const typeName = (i: number, name: string) =>
    setMember(i, { name, code: resolveMunicipality(name)?.code ?? null });
  const choose = (i: number, code: string | undefined) => {
    const found = code ? municipalityByCode(code) : null;
    if (found) setMember(i, { name: found.name, code: found.code });
  };
  const followed = commonRegion(form.municipalities.flatMap((m) => (m.code ? [m.code] : [])));
  const move = (i: number, by: number) => {
    const list = [...form.municipalities];
    const [m] = list.splice(i, 1);
    list.splice(i + by, 0, m);
    set("municipalities", list);
  };
  const text = (
    key: "associationName" | "firstYear" | "stateAllotment",
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
      <Field
        label={f.regionName}
        validationMessage={problem("regionName")}
        validationState={problems.regionName ? "error" : "none"}
        hint={followed ? t.population.regionFollows(followed.name) : undefined}
      >
        <Combobox
          className={styles.fill}
          freeform
          expandIcon={{ "aria-label": t.population.showList, tabIndex: -1 }}
          value={form.regionName}
          selectedOptions={form.regionCode ? [form.regionCode] : []}
          onInput={(e) => {
            const name = (e.target as HTMLInputElement).value;
            onChange({ ...form, regionName: name, regionCode: resolveRegion(name)?.code ?? null });
          }}
          onOptionSelect={(_, d) => {
            const region = REGIONS.find((r) => r.code === d.optionValue);
            if (region) onChange({ ...form, regionName: region.name, regionCode: region.code });
          }}
        >
          {REGIONS.map((r) => (
            <Option key={r.code} value={r.code} text={r.name}>
              {`${r.name} (${r.code})`}
            </Option>
          ))}
        </Combobox>
      </Field>
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
          <div
            key={memberKey(m)}
            className={styles.member}
            role="group"
            aria-label={t.pane.municipalityRow(i + 1)}
          >
            <Field
              label={f.municipalityName}
              validationMessage={
                problem(`municipality.${i}.name`) ??
                (m.name.trim() && !m.code ? t.population.unknownMunicipality : undefined)
              }
              validationState={
                problems[`municipality.${i}.name`] ? "error" : m.name.trim() && !m.code ? "warning" : "none"
              }
            >
              <Combobox
                className={styles.fill}
                freeform
                expandIcon={{ "aria-label": t.population.showList, tabIndex: -1 }}
                value={m.name}
                selectedOptions={m.code ? [m.code] : []}
                onInput={(e) => typeName(i, (e.target as HTMLInputElement).value)}
                onChange={(e) => typeName(i, (e.target as HTMLInputElement).value)}
                onOptionSelect={(_, d) => choose(i, d.optionValue)}
              >
                {searchMunicipalities(m.name, 8).map((x) => (
                  <Option key={x.code} value={x.code} text={x.name}>
                    {`${x.name} (${x.code})`}
                  </Option>
                ))}
              </Combobox>
            </Field>
            {m.code && (
              <Caption1>{`${f.code} ${m.code}${m.imported !== null ? ` · ${t.population.fromScb}` : ""}`}</Caption1>
            )}
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
        <Button onClick={() => set("municipalities", [...form.municipalities, newMember()])}>
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
