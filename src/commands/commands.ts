/*
 * Ribbon commands. The ribbon button opens the task pane (a ShowTaskpane action in manifest.xml), which
 * needs no code; this module is the shared runtime's function file (part of the page's one script, taskpane.js)
 * and is where ExecuteFunction commands go when the ribbon gets them.
 */
if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  Office.onReady(() => undefined);
}

export {};
