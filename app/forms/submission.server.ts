/**
 * Reading a form with conform and zod, and answering it in the one reply shape (`FormReply`).
 * A refused form gets its Danish messages and, by default, status 400; nothing is changed. The
 * values come back so the page shows them again, except secrets (passwords), which never do.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import type { Submission } from "@conform-to/react";
import { data } from "@remix-run/node";
import type { z } from "zod";
import { FORM_ERRORS_KEY, type FormReply } from "./reply";

export type FormSubmission<Output = unknown> = Submission<unknown, string[], Output>;

/**
 * The schema sees the values as the browser sent them: a field once is a string, a repeated one
 * (checkboxes) an array. conform's own coercion is off because the schemas trim, default and
 * word their messages for exactly that input. A form sent with GET is read from its URL's
 * search parameters.
 */
export function parseSubmission<S extends z.ZodType>(
  form: FormData | URLSearchParams,
  schema: S,
): FormSubmission<z.output<S>> {
  return parseWithZod(form, { schema, disableAutoCoercion: true }) as FormSubmission<z.output<S>>;
}

export async function readSubmission<S extends z.ZodType>(request: Request, schema: S) {
  return parseSubmission(await request.formData(), schema);
}

/** Passwords, and `confirm`, the repeat of a new one (app/users/password-forms.ts). */
const SECRET_FIELD = /password|adgangskode|^confirm$/i;
const isFile = (value: unknown) =>
  typeof File !== "undefined" &&
  (value instanceof File || (Array.isArray(value) && value.some((v) => v instanceof File)));
/** What a reply never sends back: secrets, and uploaded files (a browser cannot be given a file's value). */
const secretFields = (submission: FormSubmission) =>
  Object.entries(submission.payload)
    .filter(([name, value]) => SECRET_FIELD.test(name) || isFile(value))
    .map(([name]) => name);

export interface Refusal {
  /** Messages beside fields, by field name. */
  fields?: Record<string, string>;
  /** A message about the form as a whole. */
  form?: string;
}

type Init = number | ResponseInit;
const toInit = (init: Init): ResponseInit => (typeof init === "number" ? { status: init } : init);

/** The refusal of a submitted form: its zod messages, or the ones given (a rule the schema cannot know). */
export function refuse(formId: string, submission: FormSubmission | null, refusal: Refusal = {}, init: Init = 400) {
  const fieldErrors = Object.fromEntries(
    Object.entries(refusal.fields ?? {}).map(([name, message]) => [name, [message]]),
  );
  const formErrors = refusal.form === undefined ? undefined : [refusal.form];
  const result = submission
    ? submission.reply({
        fieldErrors: Object.keys(fieldErrors).length ? fieldErrors : undefined,
        formErrors,
        hideFields: secretFields(submission),
      })
    : { status: "error" as const, error: { ...fieldErrors, ...(formErrors ? { [FORM_ERRORS_KEY]: formErrors } : {}) } };
  if (result.status !== "error") result.status = "error";
  return data<FormReply>({ formId, result }, toInit(init));
}

/**
 * The refusal of a form the schema refused, where some fields are `hidden` ones the page sets
 * (the intent, the row's id), which nobody can correct: a message about one of them is the form's,
 * not beside a field nobody sees, and nothing is given back. Otherwise the schema's messages, with
 * `form` above them.
 */
export function refuseInvalid(
  formId: string,
  submission: FormSubmission,
  { hidden = [], form }: { hidden?: readonly string[]; form?: string } = {},
) {
  const errors = submission.status === "error" ? submission.error : undefined;
  const message = hidden.map((name) => errors?.[name]?.[0]).find(Boolean);
  if (message) return refuse(formId, null, { form: message });
  return refuse(formId, submission, form === undefined ? {} : { form });
}

/** The answer to a form that did what it asked; the form is emptied unless `keepValues`. */
export function accept(
  formId: string,
  submission: FormSubmission,
  message?: string,
  { keepValues = false, init = 200 }: { keepValues?: boolean; init?: Init } = {},
) {
  const result = submission.reply(keepValues ? { hideFields: secretFields(submission) } : { resetForm: true });
  return data<FormReply>({ formId, result: { ...result, status: "success" }, message }, toInit(init));
}
