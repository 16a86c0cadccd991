// Every test runs with both catalogues at hand, as the command line does (src/i18n/all.ts); the pane's lazy
// loading of English is tested on its own (test/i18n/i18n.test.ts).
import "../../src/i18n/all";
