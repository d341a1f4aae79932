/** Every activity type's template passes the content check as it is, whatever the title holds. */
import { expect, test } from "vitest";
import { ACTIVITY_TYPES } from "~/activities/registry";
import { compileFiles, MODULE_MDX } from "../../tests/content-helpers";
import { TEMPLATES, templateSource } from "./templates";

test("there is a template for every activity type in the registry", () => {
  expect(Object.keys(TEMPLATES).sort()).toEqual([...ACTIVITY_TYPES].sort());
});

test.each(ACTIVITY_TYPES)(
  "the %s template compiles without a problem, also with a title with a colon and quotes",
  async (type) => {
    const title = `Case: "Ingrid" søger – ${type}`;
    const course = await compileFiles({
      "ny/module.mdx": MODULE_MDX,
      "ny/01-skabelon.mdx": templateSource(type, { id: `ny-${type}`, title }),
    });
    expect(course.problems).toEqual([]);
    const activity = course.modules[0]!.activities[0]!;
    expect(activity).toMatchObject({ id: `ny-${type}`, type, title });
  },
);
