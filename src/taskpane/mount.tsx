import * as React from "react";
import { createRoot, type Root } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { setLocale } from "../i18n";
import type { WorkbookService } from "../workbook/service";
import { App } from "./App";
import { readOfficeEnvironment } from "./office";

/**
 * Starts the task pane in `container`: Office's display language and theme decide the pane's language (and,
 * in the shared runtime, the language of the custom functions' messages) and its colours.
 */
export function mountPane(
  container: HTMLElement,
  service: WorkbookService,
  info: { host?: unknown } | null,
): Root {
  const env = readOfficeEnvironment(info);
  setLocale(env.locale);
  const root = createRoot(container);
  root.render(
    <FluentProvider theme={env.dark ? webDarkTheme : webLightTheme}>
      <App service={service} initialLocale={env.locale} insideOffice={env.host !== null} />
    </FluentProvider>,
  );
  return root;
}
