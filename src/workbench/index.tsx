import "./customFunctionsStub"; // must come first: see the file
import * as React from "react";
import { createRoot } from "react-dom/client";
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { setLocale } from "../i18n";
import { App } from "../taskpane/App";
import { GridView } from "./GridView";
import { HeadlessService } from "./headlessService";

/* The workbench: the real task pane beside a live spreadsheet view backed by the headless engine, for
   development and demonstration without Excel. It loads nothing from outside its own origin. */
const useStyles = makeStyles({
  page: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    height: "100vh",
    boxSizing: "border-box",
  },
  body: { display: "flex", gap: tokens.spacingHorizontalL, minHeight: 0, flex: 1 },
  pane: {
    width: "350px",
    flexShrink: 0,
    overflowY: "auto",
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

function Workbench({ service }: { service: HeadlessService }) {
  const styles = useStyles();
  return (
    <div className={styles.page}>
      <MessageBar intent="warning">
        <MessageBarBody>
          Arbetsbänk för utveckling och demonstration – inte Excel. Formlerna räknas av en inbyggd kalkylmotor
          (HyperFormula) med FINSAM-funktionerna.
        </MessageBarBody>
      </MessageBar>
      <div className={styles.body}>
        <div className={styles.pane}>
          <App service={service} initialLocale="sv" insideOffice={true} />
        </div>
        <GridView service={service} />
      </div>
    </div>
  );
}

const service = new HeadlessService();
setLocale("sv"); // the product language; the pane's language button switches to English
(window as unknown as { finsamWorkbench?: HeadlessService }).finsamWorkbench = service;
const container = document.getElementById("container");
if (container) {
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <Workbench service={service} />
    </FluentProvider>,
  );
}
