import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { setLocale } from "../i18n";
import { excelService } from "../workbook/excelService";
import { App } from "./App";
import { readOfficeEnvironment, whenOfficeReady } from "./office";

/* Entry of the task pane. In the shared runtime this page also hosts the custom functions, so the
   language chosen here is the one their messages use. */
whenOfficeReady().then((info) => {
  const env = readOfficeEnvironment(info);
  setLocale(env.locale);
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={env.dark ? webDarkTheme : webLightTheme}>
      <App service={excelService} initialLocale={env.locale} insideOffice={env.host !== null} />
    </FluentProvider>,
  );
});
