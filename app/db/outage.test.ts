import { expect, test } from "vitest";
import { isDatabaseUnavailable } from "./outage";

const withCode = (code: string, message = "x") => Object.assign(new Error(message), { code });

test("a server shutting down, starting up or refusing connections is an outage", () => {
  expect(isDatabaseUnavailable(withCode("57P01", "terminating connection due to administrator command"))).toBe(true);
  expect(isDatabaseUnavailable(withCode("57P03", "the database system is starting up"))).toBe(true);
  expect(isDatabaseUnavailable(withCode("08006"))).toBe(true);
  expect(isDatabaseUnavailable(withCode("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:5432"))).toBe(true);
  expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
  expect(isDatabaseUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);
  expect(
    isDatabaseUnavailable(new AggregateError([withCode("ECONNREFUSED"), withCode("ECONNREFUSED")], "connect failed")),
  ).toBe(true);
});

test("a query's own errors and a programming error are not an outage", () => {
  expect(isDatabaseUnavailable(withCode("23505", "duplicate key value violates unique constraint"))).toBe(false);
  expect(isDatabaseUnavailable(withCode("22P02", "invalid input syntax for type uuid"))).toBe(false);
  expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined"))).toBe(false);
  expect(isDatabaseUnavailable(new Response("", { status: 404 }))).toBe(false);
  expect(isDatabaseUnavailable(null)).toBe(false);
  expect(isDatabaseUnavailable(new AggregateError([], "nothing"))).toBe(false);
});
