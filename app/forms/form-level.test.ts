import { expect, test } from "vitest";
import { z } from "zod";
import { formLevel } from "./form-level";
import { replyMessages, type FormReply } from "./reply";
import { parseSubmission, refuse } from "./submission.server";

const schema = formLevel(z.object({ attempt: z.string({ error: "Genindlæs siden." }).uuid("Genindlæs siden.") }));

/** A form as the browser posts it, from its query string. */
const form = (query: string) =>
  [...new URLSearchParams(query)].reduce((data, [name, value]) => (data.append(name, value), data), new FormData());

test("a wrong hidden field refuses the form as a whole, and every value comes back", () => {
  const submission = parseSubmission(form("attempt=x&q-1=2&q-1=3"), schema);
  expect(submission.status).toBe("error");
  const reply = refuse("quiz.submit", submission).data as FormReply;
  expect(replyMessages(reply)).toEqual({ errors: {}, formError: "Genindlæs siden." });
  expect(reply.result.initialValue).toEqual({ attempt: "x", "q-1": ["2", "3"] });
});

test("right, it gives the schema's value", () => {
  const attempt = "8b0c3f54-3f0a-4c7e-9a5e-0a6b5d3c2e1f";
  const submission = parseSubmission(form(`attempt=${attempt}`), schema);
  expect(submission.status === "success" && submission.value).toEqual({ attempt });
});
