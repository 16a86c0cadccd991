import "./customFunctionsStub"; // must come first: see the file
import "../i18n/all"; // a development tool: both languages at hand
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { setLocale } from "../i18n";
import { HeadlessService } from "./headlessService";
import { Workbench } from "./Workbench";

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
