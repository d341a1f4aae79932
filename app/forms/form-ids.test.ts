import { expect, test } from "vitest";
import { rowFormId, submittedFormId } from "./form-ids";

test("a form that stands once is named by its intent, one in a list row by its intent and the row", () => {
  const rows = { "rename-organisation": "organisationId" };
  expect(submittedFormId({ intent: "create-user", email: "a@b.dk" }, rows)).toBe("create-user");
  const id = "3f1c0c6e-2f5e-4d1a-9a51-0d5b7c1f2e3a";
  expect(submittedFormId({ intent: "rename-organisation", organisationId: id }, rows)).toBe(
    rowFormId("rename-organisation", id),
  );
  expect(rowFormId("rename-organisation", id)).toBe(`rename-organisation-${id}`);
  expect(submittedFormId({}, rows, "admin")).toBe("admin");
});

test("a row's key of any text becomes a valid HTML id, the same on the page and in the action", () => {
  const issuer = "https://login.egeby.dk/realms/sagslab";
  const id = submittedFormId({ intent: "unlink-identity", issuer }, { "unlink-identity": "issuer" });
  expect(id).toBe(rowFormId("unlink-identity", issuer));
  expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
});
