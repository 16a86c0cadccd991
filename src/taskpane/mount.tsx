import * as React from "react";
import { createRoot, type Root } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { loadLocale, setLocale } from "../i18n";
import type { WorkbookService } from "../workbook/service";
import { App } from "./App";
import { readOfficeEnvironment } from "./office";

/**
 * Starts the task pane in `container`: Office's display language and theme decide the pane's language (and,
 * in the shared runtime, the language of the custom functions' messages) and its colours. English is a chunk
 * of its own, loaded first when Office is in English; should it not load, the pane opens in Swedish.
 */
export async function mountPane(
  container: HTMLElement,
  service: WorkbookService,
  info: { host?: unknown } | null,
): Promise<Root> {
  const env = readOfficeEnvironment(info);
  const locale = await loadLocale(env.locale).then(
    () => env.locale,
    () => "sv" as const,
  );
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
