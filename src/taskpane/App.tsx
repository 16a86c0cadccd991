import * as React from "react";
import { Body1, Caption1, makeStyles, Subtitle2, Title3, tokens } from "@fluentui/react-components";
import { FUNCTION_IDS, FUNCTION_NAMESPACE } from "../functions/catalog";
import type { Messages } from "../i18n";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    maxWidth: "350px",
  },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  name: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
});

export interface AppProps {
  t: Messages;
  insideOffice: boolean;
}

/** The first task pane: what the add-in is, and the functions it offers. */
export function App({ t, insideOffice }: AppProps) {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Title3 as="h1">{t.app.title}</Title3>
      <Body1>{t.app.tagline}</Body1>
      {!insideOffice && <Caption1 role="status">{t.app.outsideOffice}</Caption1>}
      <section aria-labelledby="functions-heading">
        <Subtitle2 as="h2" id="functions-heading">
          {t.app.functionsHeading}
        </Subtitle2>
        <Caption1 as="p">{t.app.functionsIntro}</Caption1>
        <ul className={styles.list}>
          {FUNCTION_IDS.map((id) => (
            <li key={id}>
              <span className={styles.name}>
                {FUNCTION_NAMESPACE}.{id}
              </span>
              <br />
              <Caption1>{t.functionSummaries[id]}</Caption1>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
