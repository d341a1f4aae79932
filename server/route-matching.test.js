/**
 * Remix's route matching as patches/ leaves it (docs/decisions/0023): the ranked branches of a
 * routes array, compiled paths, the server routes and the static router's data routes are kept per
 * build instead of being made on every request. These tests hold what makes that safe: the answers
 * are those of a fresh computation, whatever was matched before, and a tree changed in place by the
 * router itself is matched as it now is. Loaded with require, as the server loads these packages.
 */
import { createRequire } from "node:module";
import { expect, test } from "vitest";

const require = createRequire(import.meta.url);
const router = require("@remix-run/router");
const { createStaticRouter } = require("react-router-dom/server");

/** A tree shaped like the app's: a pathless root, an index, nested params, a splat, an optional segment. */
function routeTree() {
  return [
    {
      id: "root",
      path: "",
      children: [
        { id: "index", index: true },
        { id: "login", path: "login" },
        { id: "moduler", path: "moduler" },
        {
          id: "modul",
          path: "moduler/:moduleId",
          children: [
            { id: "modul-index", index: true },
            { id: "aktivitet", path: ":activityId" },
          ],
        },
        { id: "hold", path: "underviser/hold/:cohortId/deltager/:userId" },
        { id: "sprog", path: ":lang?/om" },
        { id: "Sensitiv", path: "Sensitiv", caseSensitive: true },
        { id: "splat", path: "*" },
      ],
    },
  ];
}

const paths = [
  "/",
  "/login",
  "/moduler",
  "/moduler/bil",
  "/moduler/bil/bil-quiz",
  "/moduler/bil/bil-quiz/",
  "/MODULER/Bil",
  "/underviser/hold/7/deltager/9",
  "/om",
  "/da/om",
  "/Sensitiv",
  "/sensitiv",
  "/findes/ikke",
  "/moduler/%C3%A6bler",
];

const summary = (matches) =>
  matches?.map((match) => ({
    id: match.route.id,
    params: match.params,
    pathname: match.pathname,
    base: match.pathnameBase,
  })) ?? null;

test("matching the same routes again answers as a fresh match would, in any order", () => {
  const routes = routeTree();
  const fresh = paths.map((path) => summary(router.matchRoutes(routeTree(), path)));
  for (const order of [paths, [...paths].reverse(), paths]) {
    for (const path of order) {
      expect(summary(router.matchRoutes(routes, path))).toEqual(fresh[paths.indexOf(path)]);
    }
  }
  expect(fresh.map((matches) => matches?.at(-1)?.id)).toEqual([
    "index",
    "login",
    "moduler",
    "modul-index",
    "aktivitet",
    "aktivitet",
    "modul-index",
    "hold",
    "sprog",
    "sprog",
    "Sensitiv",
    "splat",
    "splat",
    "modul-index",
  ]);
  // The params are the request's own, never shared with an earlier match; within one answer its
  // matches share one params object, as they always have.
  const first = router.matchRoutes(routes, "/moduler/bil/bil-quiz");
  first.at(-1).params.moduleId = "changed";
  first.at(-1).pathname = "/changed";
  const again = router.matchRoutes(routes, "/moduler/bil/bil-quiz");
  expect(again.at(-1)).toMatchObject({ pathname: "/moduler/bil/bil-quiz", params: { moduleId: "bil" } });
  expect(again[0].params).toBe(again.at(-1).params);
  expect(again[0].params).not.toBe(first[0].params);
});

test("past the number of pathnames kept, matching still answers as a fresh match would", () => {
  const routes = routeTree();
  for (let i = 0; i < 1500; i++) router.matchRoutes(routes, `/moduler/m${i}/a${i}`);
  for (const i of [0, 999, 1000, 1499, 2000]) {
    expect(summary(router.matchRoutes(routes, `/moduler/m${i}/a${i}`))).toEqual(
      summary(router.matchRoutes(routeTree(), `/moduler/m${i}/a${i}`)),
    );
  }
  expect(router.matchRoutes(routes, "/moduler/m2000/a2000").at(-1).params).toEqual({
    moduleId: "m2000",
    activityId: "a2000",
  });
});

test("a path given as an object with ? or # in the wrong field is still refused with the router's message", () => {
  expect(() => router.resolveTo({ pathname: "/moduler?x=1" }, ["/"], "/")).toThrow(/Cannot include a '\?' character/);
  expect(() => router.resolveTo({ pathname: "/moduler#top" }, ["/"], "/")).toThrow(/`to.pathname` field/);
  expect(() => router.resolveTo({ search: "?a#b" }, ["/"], "/")).toThrow(/`to.search` field/);
  expect(router.resolveTo({ pathname: "/moduler", search: "?x=1", hash: "#top" }, ["/"], "/")).toEqual({
    pathname: "/moduler",
    search: "?x=1",
    hash: "#top",
  });
});

test("matchPath gives the same answers for a pattern asked again", () => {
  for (let round = 0; round < 2; round++) {
    expect(router.matchPath("/moduler/:moduleId", "/moduler/bil")?.params).toEqual({ moduleId: "bil" });
    expect(router.matchPath({ path: "/moduler", end: false }, "/moduler/bil")?.pathnameBase).toBe("/moduler");
    expect(router.matchPath({ path: "/moduler", end: true }, "/moduler/bil")).toBeNull();
    expect(router.matchPath({ path: "/Sensitiv", caseSensitive: true }, "/sensitiv")).toBeNull();
    expect(router.matchPath({ path: "/Sensitiv", caseSensitive: false }, "/sensitiv")).not.toBeNull();
  }
});

test("routes the router patches into its tree in place are matched after an earlier match", async () => {
  const client = router
    .createRouter({ routes: routeTree(), history: router.createMemoryHistory({ initialEntries: ["/"] }) })
    .initialize();
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(router.matchRoutes(client.routes, "/nyt/sted")?.at(-1)?.route.id).toBe("splat");
  client.patchRoutes("root", [{ id: "nyt", path: "nyt/sted" }]);
  expect(router.matchRoutes(client.routes, "/nyt/sted")?.at(-1)?.route.id).toBe("nyt");
  client.dispose();
});

test("a static router's data routes are made once per routes array; its matches are each request's own", () => {
  const routes = routeTree();
  const context = (pathname) => {
    const matches = router.matchRoutes(routes, pathname);
    return { basename: "/", location: { pathname }, matches, loaderData: {}, actionData: null, errors: null };
  };
  const a = createStaticRouter(routes, context("/login"));
  const b = createStaticRouter(routes, context("/moduler/bil"));
  expect(b.routes).toBe(a.routes);
  expect(a.state.matches.map((match) => match.route.id)).toEqual(["root", "login"]);
  expect(b.state.matches.map((match) => match.route.id)).toEqual(["root", "modul", "modul-index"]);
  // Matched routes are the static router's data routes, as before.
  expect(b.state.matches[1].route).toBe(b.routes[0].children[3]);
  expect(createStaticRouter(routeTree(), context("/login")).routes).not.toBe(a.routes);
});
