/*
 * Ribbon commands. The ribbon button opens the task pane (a ShowTaskpane action in manifest.xml), which
 * needs no code; this chunk exists so that the shared runtime has a function file, and is where
 * ExecuteFunction commands go when the ribbon gets them.
 */
if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  Office.onReady(() => undefined);
}

export {};
