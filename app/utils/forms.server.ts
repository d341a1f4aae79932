/**
 * Parsing request input with zod. A bad input becomes field-keyed Danish messages that the
 * page shows beside each field, with status 400; nothing is changed.
 */
import { data } from "@remix-run/node";
import type { z } from "zod";

export type FieldErrors = Record<string, string>;

export interface FormFailure {
  ok: false;
  errors: FieldErrors;
  /** A message about the form as a whole (not one field). */
  formError?: string;
}

export function formFailure(errors: FieldErrors, formError?: string, status = 400) {
  return data<FormFailure>({ ok: false, errors, formError }, { status });
}

/** Form data as a plain object; repeated fields (checkboxes) become arrays. */
export function formToObject(form: FormData): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    const values = form.getAll(key).filter((value): value is string => typeof value === "string");
    result[key] = values.length === 1 ? values[0]! : values;
  }
  return result;
}

export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "_form");
    errors[field] ??= issue.message;
  }
  return errors;
}

export type Parsed<T> = { ok: true; data: T } | FormFailure;

export async function parseForm<S extends z.ZodType>(request: Request, schema: S): Promise<Parsed<z.infer<S>>> {
  const form = await request.formData();
  return parseFormData(form, schema);
}

export function parseFormData<S extends z.ZodType>(form: FormData, schema: S): Parsed<z.infer<S>> {
  const result = schema.safeParse(formToObject(form));
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: fieldErrors(result.error) };
}
