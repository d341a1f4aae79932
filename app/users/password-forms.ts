/** The fields of every "choose a password" form (reset, invitation, Min konto). Pure. */
import { z } from "zod";
import { passwordSchema } from "~/users/users.server";

export const newPasswordFields = z
  .object({
    password: passwordSchema,
    confirm: z.string({ error: "Gentag adgangskoden." }).min(1, "Gentag adgangskoden."),
  })
  .refine((fields) => fields.password === fields.confirm, {
    path: ["confirm"],
    message: "De to adgangskoder er ikke ens.",
  });

export const PASSWORD_LABELS = { password: "Ny adgangskode", confirm: "Gentag den nye adgangskode" };
