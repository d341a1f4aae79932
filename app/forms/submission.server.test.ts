import { expect, test } from "vitest";
import { z } from "zod";
import { replyMessages, type FormReply } from "./reply";
import { accept, parseSubmission, refuse, refuseInvalid } from "./submission.server";

const schema = z.object({
  email: z.string().trim().min(1, "Skriv din e-mailadresse."),
  password: z.string().min(10, "Adgangskoden skal have mindst 10 tegn."),
  modules: z.array(z.string()).or(z.string().transform((value) => [value])),
});

function form(entries: [string, string][]) {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

const replyOf = (response: ReturnType<typeof refuse>) => response.data as FormReply;

test("a refused form gets each field's Danish message and its values back, but never a password", () => {
  const submission = parseSubmission(
    form([
      ["email", "  "],
      ["password", "kort"],
      ["modules", "a"],
    ]),
    schema,
  );
  expect(submission.status).toBe("error");
  const response = refuse("konto", submission);
  expect(response.init?.status).toBe(400);
  const reply = replyOf(response);
  expect(reply.formId).toBe("konto");
  expect(replyMessages(reply)).toEqual({
    errors: { email: "Skriv din e-mailadresse.", password: "Adgangskoden skal have mindst 10 tegn." },
    formError: undefined,
  });
  expect(reply.result.initialValue).toMatchObject({ email: "  ", modules: "a" });
  expect(reply.result.initialValue).not.toHaveProperty("password");
});

test("values reach the schema as the browser sent them: one checkbox a string, several an array", () => {
  const one = parseSubmission(
    form([
      ["email", "a@b.dk"],
      ["password", "0123456789"],
      ["modules", "a"],
    ]),
    schema,
  );
  const two = parseSubmission(
    form([
      ["email", "a@b.dk"],
      ["password", "0123456789"],
      ["modules", "a"],
      ["modules", "b"],
    ]),
    schema,
  );
  expect(one.status === "success" && one.value.modules).toEqual(["a"]);
  expect(two.status === "success" && two.value.modules).toEqual(["a", "b"]);
});

test("a rule the schema cannot know refuses a valid form, with the status given", () => {
  const submission = parseSubmission(
    form([
      ["email", "a@b.dk"],
      ["password", "0123456789"],
      ["modules", "a"],
    ]),
    schema,
  );
  const response = refuse(
    "konto",
    submission,
    { form: "Forkert e-mailadresse eller adgangskode.", fields: { email: "Optaget." } },
    401,
  );
  expect(response.init?.status).toBe(401);
  const reply = replyOf(response);
  expect(reply.result.status).toBe("error");
  expect(replyMessages(reply)).toEqual({
    errors: { email: "Optaget." },
    formError: "Forkert e-mailadresse eller adgangskode.",
  });
});

test("a refusal before anything could be read has only the form's message", () => {
  const reply = replyOf(refuse("hold", null, { form: "Ændringen er ikke gemt." }));
  expect(replyMessages(reply)).toEqual({ errors: {}, formError: "Ændringen er ikke gemt." });
});

test("an accepted form empties the form and carries its confirmation", () => {
  const submission = parseSubmission(
    form([
      ["email", "a@b.dk"],
      ["password", "0123456789"],
      ["modules", "a"],
    ]),
    schema,
  );
  const reply = accept("konto", submission, "Brugeren er oprettet.").data as FormReply;
  expect(reply).toMatchObject({
    formId: "konto",
    message: "Brugeren er oprettet.",
    result: { status: "success", initialValue: null },
  });
  const kept = accept("konto", submission, "Gemt.", { keepValues: true }).data as FormReply;
  expect(kept.result.initialValue).toMatchObject({ email: "a@b.dk" });
  expect(kept.result.initialValue).not.toHaveProperty("password");
});

test("the repeat of a new password (confirm) is never sent back either", () => {
  const twice = z.object({ password: z.string().min(10, "Mindst 10 tegn."), confirm: z.string(), name: z.string() });
  const submission = parseSubmission(
    form([
      ["password", "hemmelig"],
      ["confirm", "hemmelig"],
      ["name", "Bente"],
    ]),
    twice,
  );
  const reply = replyOf(refuse("nulstil", submission));
  expect(reply.result.initialValue).toMatchObject({ name: "Bente" });
  expect(reply.result.initialValue).not.toHaveProperty("password");
  expect(reply.result.initialValue).not.toHaveProperty("confirm");
  expect(JSON.stringify(reply)).not.toContain("hemmelig");
});

test("an uploaded file is never sent back: a browser cannot be given a file input's value", () => {
  const data = new FormData();
  data.append("intent", "preview");
  data.append("file", new File(["navn;e-mail\n"], "brugere.csv", { type: "text/csv" }));
  const submission = parseSubmission(data, z.object({ intent: z.string(), file: z.instanceof(File) }));
  const reply = replyOf(refuse("upload", submission, { fields: { file: "Filen har fejl." } }));
  expect(replyMessages(reply).errors).toEqual({ file: "Filen har fejl." });
  expect(reply.result.initialValue).toEqual({ intent: "preview" });
});

test("a message about a hidden field is the form's, with nothing given back; others keep their field", () => {
  const row = z.object({
    organisationId: z.uuid({ error: "Kommunen findes ikke." }),
    newName: z.string().trim().min(1, "Skriv kommunens navn."),
  });
  const tampered = parseSubmission(
    form([
      ["organisationId", "x"],
      ["newName", " "],
    ]),
    row,
  );
  const hidden = replyOf(refuseInvalid("omdoeb", tampered, { hidden: ["organisationId"], form: "Ikke gemt." }));
  expect(replyMessages(hidden)).toEqual({ errors: {}, formError: "Kommunen findes ikke." });
  expect(hidden.result.initialValue).toBeUndefined();
  const typed = parseSubmission(
    form([
      ["organisationId", "3f1c0c6e-2f5e-4d1a-9a51-0d5b7c1f2e3a"],
      ["newName", " "],
    ]),
    row,
  );
  const shown = replyOf(refuseInvalid("omdoeb", typed, { hidden: ["organisationId"], form: "Ikke gemt." }));
  expect(replyMessages(shown)).toEqual({ errors: { newName: "Skriv kommunens navn." }, formError: "Ikke gemt." });
});
