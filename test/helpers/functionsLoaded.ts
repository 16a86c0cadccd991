// Tests call the custom functions as Excel does once their implementation has arrived (the first call before
// that answers with a promise: test/functions/lazyImplementation.test.ts).
import { loadFunctions } from "../../src/functions/functions";

beforeAll(() => loadFunctions());
