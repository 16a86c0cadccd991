import { TEMPLATE_IDS as GALLERY } from "../../src/templates/ids";
import { TEMPLATE_IDS, TEMPLATES } from "../../src/templates";

/** The pane's first screen lists the templates without loading their builders: the same ids, same order. */
test("the gallery's template ids are the builders' ids, in order", () => {
  expect([...GALLERY]).toEqual(TEMPLATE_IDS);
  expect([...GALLERY]).toEqual(Object.keys(TEMPLATES));
});
