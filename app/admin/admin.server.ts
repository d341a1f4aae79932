/**
 * What an administrator does at /admin: the form's actions, and organisations (kommuner). The
 * users and their roles are in `~/users/users.server`.
 */
import { z } from "zod";
import { ALL_ROLES, type Role } from "~/auth/roles";
import { isUniqueViolation, type DB } from "~/db/database.server";
import { AdminRuleError, editUserSchema, newUserSchema } from "~/users/users.server";

const roleSchema = z.enum(ALL_ROLES as [Role, ...Role[]], { error: "Vælg en rolle." });
const organisationId = z.string({ error: "Kommunen findes ikke." }).uuid("Kommunen findes ikke.");
const organisationName = z
  .string({ error: "Skriv kommunens navn." })
  .trim()
  .min(1, "Skriv kommunens navn.")
  .max(120, "Navnet er for langt.");

export const createOrganisationSchema = z.object({ intent: z.literal("create-organisation"), organisationName });
export const renameOrganisationSchema = z.object({
  intent: z.literal("rename-organisation"),
  organisationId,
  // Its own field name, so a refusal is not shown under the "create" form's field.
  newName: organisationName,
});
export const deleteOrganisationSchema = z.object({ intent: z.literal("delete-organisation"), organisationId });
export const createUserSchema = z
  .object({
    intent: z.literal("create-user"),
    email: newUserSchema.shape.email,
    name: newUserSchema.shape.name,
    role: roleSchema,
    organisationId: z.preprocess(
      (v) => (v === "" || v === undefined ? null : v),
      z.string().uuid("Vælg en kommune.").nullable(),
    ),
    /** An invitation by e-mail (the user chooses their password), or a password the administrator hands over. */
    access: z.enum(["invitation", "password"], { error: "Vælg, hvordan brugeren får adgang." }),
    password: z.string().optional(),
  })
  .superRefine((input, ctx) => {
    if (input.access === "invitation") return;
    const password = newUserSchema.shape.password.safeParse(input.password ?? "");
    if (!password.success) {
      ctx.addIssue({ code: "custom", path: ["password"], message: password.error.issues[0]!.message });
    }
  });

/** The forms of /admin, told apart by their intent. */
export const adminActionSchema = z.discriminatedUnion(
  "intent",
  [createOrganisationSchema, renameOrganisationSchema, deleteOrganisationSchema, createUserSchema],
  { error: "Ukendt handling." },
);
export type AdminAction = z.infer<typeof adminActionSchema>;

export const editUserFormSchema = z.object({
  intent: z.literal("edit-user"),
  ...editUserSchema.shape,
  role: roleSchema,
});
export const deleteLearningDataSchema = z.object({
  intent: z.literal("delete-learning-data"),
  confirm: z.literal("ja", { error: "Sæt flueben for at bekræfte, at læringsdataene skal slettes." }),
});

/** What an administrator does on one user's page (/admin/brugere/<id>). */
export const userPageActionSchema = z.discriminatedUnion(
  "intent",
  [
    editUserFormSchema,
    z.object({
      intent: z.literal("set-active"),
      active: z.enum(["true", "false"], { error: "Ukendt handling." }).transform((v) => v === "true"),
    }),
    z.object({ intent: z.literal("send-invitation") }),
    z.object({
      intent: z.literal("unlink-identity"),
      issuer: z.string({ error: "Koblingen findes ikke." }).min(1, "Koblingen findes ikke.").max(2000),
    }),
    deleteLearningDataSchema,
  ],
  { error: "Ukendt handling." },
);

/** Creates a kommune; a name that differs from an existing one only by case or spaces is taken. */
export async function createOrganisation(db: DB, name: string) {
  try {
    return await db.insertInto("organisations").values({ name: name.trim() }).returning("id").executeTakeFirstOrThrow();
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(name.trim());
    throw error;
  }
}

const nameTaken = (name: string) => new AdminRuleError(`Der findes allerede en kommune med navnet „${name}“.`);

/** Renames an organisation, for example after a merger or a typing error; its users and cohorts stay. */
export async function renameOrganisation(db: DB, input: { organisationId: string; name: string }) {
  try {
    const updated = await db
      .updateTable("organisations")
      .set({ name: input.name })
      .where("id", "=", input.organisationId)
      .returning("id")
      .executeTakeFirst();
    if (!updated) throw new AdminRuleError("Kommunen findes ikke.");
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
}

/**
 * Deletes a kommune that nothing refers to, for example one created by mistake. One with users
 * or cohorts stays: they would lose the kommune they belong to.
 */
export async function deleteOrganisation(db: DB, organisationId: string): Promise<{ name: string }> {
  return db.transaction().execute(async (trx) => {
    const organisation = await trx
      .selectFrom("organisations")
      .select("name")
      .where("id", "=", organisationId)
      .forUpdate()
      .executeTakeFirst();
    if (!organisation) throw new AdminRuleError("Kommunen findes ikke.");
    const count = async (table: "users" | "cohorts") =>
      Number(
        (
          await trx
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .where("organisation_id", "=", organisationId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const [users, cohorts] = [await count("users"), await count("cohorts")];
    if (users > 0 || cohorts > 0) {
      const uses = `${users} ${users === 1 ? "bruger" : "brugere"} og ${cohorts} hold`;
      throw new AdminRuleError(
        `Kommunen „${organisation.name}“ har ${uses} og kan derfor ikke slettes. Omdøb den i stedet.`,
      );
    }
    await trx.deleteFrom("organisations").where("id", "=", organisationId).execute();
    return organisation;
  });
}

export function listOrganisationsWithCounts(db: DB) {
  return db
    .selectFrom("organisations")
    .select((eb) => [
      "organisations.id",
      "organisations.name",
      eb
        .selectFrom("users")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("users.organisation_id", "=", "organisations.id")
        .as("users"),
      eb
        .selectFrom("cohorts")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("cohorts.organisation_id", "=", "organisations.id")
        .as("cohorts"),
    ])
    .orderBy("organisations.name")
    .execute();
}
