import * as React from "react";
import { createRoot, type Root } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { setLocale } from "../i18n";
import type { WorkbookService } from "../workbook/service";
import { App } from "./App";
import { readOfficeEnvironment } from "./office";

/**
 * Starts the task pane in `container`: Office's display language and theme decide the pane's language (and,
 * in the shared runtime, the language of the custom functions' messages) and its colours. The first screen
 * needs no catalogue (App loads it with the rest of the pane).
 */
export async function mountPane(
  container: HTMLElement,
  service: WorkbookService,
  info: { host?: unknown } | null,
): Promise<Root> {
  const env = readOfficeEnvironment(info);
  const locale = env.locale;
  setLocale(locale);
  // The dark theme's colours are a chunk of their own: most panes open light.
  const theme = env.dark
    ? await import(/* webpackChunkName: "theme-dark" */ "./darkTheme").then(
        (m) => m.webDarkTheme,
        () => webLightTheme,
      )
    : webLightTheme;
  const root = createRoot(container);
  root.render(
    <FluentProvider theme={theme}>
      <App service={service} initialLocale={locale} insideOffice={env.host !== null} />
    </FluentProvider>,
  );
  return root;
}
