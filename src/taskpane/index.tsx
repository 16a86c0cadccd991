import { loadLocale, localeFromLanguageTag } from "../i18n";
import { excelService } from "../workbook/excelService";
import { mountPane } from "./mount";
import { whenOfficeReady } from "./office";

/* Entry of the task pane. In the shared runtime this page also hosts the custom functions, so the
   language chosen here is the one their messages use. */

// Office says its display language only when it is ready; the browser's language is a good guess meanwhile,
// so an English pane's catalogue loads while Office starts, not after.
if (typeof navigator !== "undefined" && localeFromLanguageTag(navigator.language) !== "sv")
  loadLocale(localeFromLanguageTag(navigator.language)).catch(() => undefined);

whenOfficeReady().then((info) => {
  const container = document.getElementById("container");
  if (container) void mountPane(container, excelService, info);
});
