import { excelService } from "../workbook/excelService";
import { mountPane } from "./mount";
import { whenOfficeReady } from "./office";

/* Entry of the task pane. In the shared runtime this page also hosts the custom functions, so the
   language chosen here is the one their messages use. */

whenOfficeReady().then((info) => {
  const container = document.getElementById("container");
  if (container) void mountPane(container, excelService, info);
});
