/**
 * What an administrator does at /admin: organisations (kommuner), users and roles. Deactivating
 * a user ends all their sessions at once; an administrator cannot lock themselves out.
 */
import { z } from "zod";
import { ALL_ROLES, type Role } from "~/auth/roles";
import { isUniqueViolation, type DB } from "~/db/database.server";
import { newUserSchema } from "~/models/users.server";

const roleSchema = z.enum(ALL_ROLES as [Role, ...Role[]], { error: "Vælg en rolle." });
const userId = z.string({ error: "Brugeren findes ikke." }).uuid("Brugeren findes ikke.");
const organisationId = z.string({ error: "Kommunen findes ikke." }).uuid("Kommunen findes ikke.");
const organisationName = z
  .string({ error: "Skriv kommunens navn." })
  .trim()
  .min(1, "Skriv kommunens navn.")
  .max(120, "Navnet er for langt.");

export const adminActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("create-organisation"), organisationName }),
    z.object({
      intent: z.literal("rename-organisation"),
      organisationId,
      // Its own field name, so a refusal is not shown under the "create" form's field.
      newName: organisationName,
    }),
    z.object({ intent: z.literal("delete-organisation"), organisationId }),
    z.object({
      intent: z.literal("create-user"),
      email: newUserSchema.shape.email,
      name: newUserSchema.shape.name,
      password: newUserSchema.shape.password,
      role: roleSchema,
      organisationId: z.preprocess((v) => (v === "" ? null : v), z.string().uuid("Vælg en kommune.").nullable()),
    }),
    z.object({ intent: z.literal("change-role"), userId, role: roleSchema }),
    z.object({
      intent: z.literal("set-active"),
      userId,
      active: z.enum(["true", "false"]).transform((v) => v === "true"),
    }),
  ],
  { error: "Ukendt handling." },
);
export type AdminAction = z.infer<typeof adminActionSchema>;

export class AdminRuleError extends Error {}

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

export async function changeRole(db: DB, input: { actorId: string; userId: string; role: Role }) {
  if (input.actorId === input.userId && input.role !== "admin") {
    throw new AdminRuleError("Du kan ikke fjerne din egen administratorrolle. Bed en anden administrator om det.");
  }
  const updated = await db
    .updateTable("users")
    .set({ role: input.role })
    .where("id", "=", input.userId)
    .returning("id")
    .executeTakeFirst();
  if (!updated) throw new AdminRuleError("Brugeren findes ikke.");
}

/** Deactivating deletes the user's sessions in the same transaction: they are signed out at once. */
export async function setActive(db: DB, input: { actorId: string; userId: string; active: boolean }) {
  if (input.actorId === input.userId && !input.active) {
    throw new AdminRuleError("Du kan ikke deaktivere dig selv.");
  }
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable("users")
      .set({ active: input.active })
      .where("id", "=", input.userId)
      .returning("id")
      .executeTakeFirst();
    if (!updated) throw new AdminRuleError("Brugeren findes ikke.");
    if (!input.active) await trx.deleteFrom("sessions").where("user_id", "=", input.userId).execute();
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

export const USERS_PER_PAGE = 100;

/** Users whose name or e-mail contains `query` (all when empty), by name, at most USERS_PER_PAGE. */
export async function searchUsers(db: DB, query: string) {
  let select = db
    .selectFrom("users")
    .leftJoin("organisations", "organisations.id", "users.organisation_id")
    .select([
      "users.id",
      "users.name",
      "users.email",
      "users.role",
      "users.active",
      "organisations.name as organisation",
    ])
    .orderBy("users.name")
    .limit(USERS_PER_PAGE + 1);
  const term = query.trim();
  if (term) {
    const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    select = select.where((eb) => eb.or([eb("users.name", "ilike", pattern), eb("users.email", "ilike", pattern)]));
  }
  const rows = await select.execute();
  return { users: rows.slice(0, USERS_PER_PAGE), more: rows.length > USERS_PER_PAGE };
}
