/**
 * A page's form with conform: the reply of the last submit belongs to it only when its `formId`
 * is this form's id, so errors and values stay in the form that was sent. Validation is the
 * server's (the same zod schema), which is how the form works without JavaScript too.
 */
import { useForm, type DefaultValue, type FormMetadata, type SubmissionResult } from "@conform-to/react";
import type { FormReply } from "./reply";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- conform's own default: a form whose fields are not typed by a schema
export type AnyFields = Record<string, any>;

export interface ReplyForm<Schema extends AnyFields = AnyFields> {
  form: FormMetadata<Schema, string[]>;
  fields: ReturnType<FormMetadata<Schema, string[]>["getFieldset"]>;
  /** The reply of the last submit, when it was this form's. */
  result?: SubmissionResult<string[]>;
  /** The confirmation of a successful submit of this form. */
  message?: string;
}

export function useReplyForm<Schema extends AnyFields = AnyFields>(
  id: string,
  reply: FormReply | undefined,
  defaultValue?: DefaultValue<Schema>,
): ReplyForm<Schema> {
  const result = reply?.formId === id ? reply.result : undefined;
  const [form, fields] = useForm<Schema, string[]>({
    id,
    lastResult: result,
    defaultValue,
    shouldValidate: "onSubmit",
  });
  const message = result?.status === "success" ? reply?.message : undefined;
  return { form, fields, result, message };
}
