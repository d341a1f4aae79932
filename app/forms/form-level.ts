/**
 * A schema for fields the person cannot correct: the hidden ones a page puts in its form (the
 * form's own id, the attempt, the step it was shown at). When one is wrong the form as a whole is
 * refused, with the message under the empty name (the top of the form's error summary), not beside
 * a field nobody sees. The fields the person fills in stay with their own messages.
 */
import { z } from "zod";

export function formLevel<S extends z.ZodType>(schema: S) {
  return z.unknown().transform((value, ctx): z.output<S> => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    ctx.addIssue({ code: "custom", message: parsed.error.issues[0]!.message, path: [] });
    return z.NEVER;
  });
}
