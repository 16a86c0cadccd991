import { en } from "./en";
import { provideCatalogue } from "./index";
import { sv } from "./sv";

/**
 * Every catalogue at once, synchronously: for the command line, the workbench and the tests, which have no
 * first screen to keep small. Import it for its effect.
 */
provideCatalogue("sv", sv);
provideCatalogue("en", en);

export {};
