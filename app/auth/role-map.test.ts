import { expect, test } from "vitest";
import { parseRoleMap, roleFromGroups } from "./role-map";

const map = parseRoleMap("trainer:Sagslab-Undervisere, author:Sagslab-Forfattere,trainer:Ledere");

test("the map is read in order, and a role may come from several groups", () => {
  expect(map).toEqual([
    { role: "trainer", group: "Sagslab-Undervisere" },
    { role: "author", group: "Sagslab-Forfattere" },
    { role: "trainer", group: "Ledere" },
  ]);
});

test("a malformed pair or an unknown role stops the start with a Danish message", () => {
  expect(() => parseRoleMap("underviser:Gruppe")).toThrow(/„underviser:Gruppe“ skal have formen rolle:gruppe/);
  expect(() => parseRoleMap("trainer")).toThrow(/rolle:gruppe/);
  expect(() => parseRoleMap("trainer:")).toThrow(/rolle:gruppe/);
});

test("the first matching group decides; a user in no mapped group is a learner", () => {
  expect(roleFromGroups(map, "learner", ["Alle", "Sagslab-Forfattere", "Ledere"])).toBe("author");
  expect(roleFromGroups(map, "learner", ["Ledere"])).toBe("trainer");
  expect(roleFromGroups(map, "trainer", ["Alle"])).toBe("learner");
});

test("no group claim at all, or a role the map cannot give, leaves the role as it is", () => {
  expect(roleFromGroups(map, "trainer", null)).toBeNull();
  expect(roleFromGroups(map, "admin", ["Alle"])).toBeNull();
  expect(roleFromGroups(parseRoleMap("admin:It"), "admin", ["Alle"])).toBe("learner");
});
