import * as React from "react";
import { MessageBar, MessageBarBody, makeStyles } from "@fluentui/react-components";
import { token as tokens } from "../taskpane/tokens";
import { workbenchMessages } from "./messages";
import { App } from "../taskpane/App";
import { GridView } from "./GridView";
import type { HeadlessService } from "./headlessService";

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

export function Workbench({ service }: { service: HeadlessService }) {
  const styles = useStyles();
  return (
    <div className={styles.page}>
      <MessageBar intent="warning">
        <MessageBarBody>{workbenchMessages().banner}</MessageBarBody>
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
