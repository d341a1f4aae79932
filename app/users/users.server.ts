/**
 * Users: accounts, their roles and whether they are active. Deactivating a user ends all their
 * sessions at once; an administrator cannot lock themselves out.
 */
import { z } from "zod";
import { hashPassword } from "~/auth/password.server";
import { ALL_ROLES, type Role } from "~/auth/roles";
import { inTransaction, type DB } from "~/db/database.server";

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export const MIN_PASSWORD_LENGTH = 10;

export const passwordSchema = z
  .string({ error: "Skriv en adgangskode." })
  .min(MIN_PASSWORD_LENGTH, `Adgangskoden skal have mindst ${MIN_PASSWORD_LENGTH} tegn.`)
  .max(1000, "Adgangskoden er for lang.");

export const newUserSchema = z.object({
  email: z.string().trim().toLowerCase().email("Skriv en gyldig e-mailadresse."),
  name: z.string().trim().min(1, "Skriv brugerens navn.").max(200, "Navnet er for langt."),
  password: passwordSchema,
  role: z.enum(ALL_ROLES as [Role, ...Role[]], { error: `Rollen skal være en af: ${ALL_ROLES.join(", ")}.` }),
  organisationId: z.string().uuid().nullable().default(null),
});
/** An account may be created without a password (invited, imported, or single sign-on only). */
const newAccountSchema = newUserSchema.extend({ password: passwordSchema.nullable() });
export type NewUserInput = z.input<typeof newAccountSchema>;

/** A rule of administration that refuses an action, in words the administrator reads. */
export class AdminRuleError extends Error {}

export class EmailTakenError extends Error {
  constructor(email: string) {
    super(`Der findes allerede en bruger med e-mailadressen ${email}.`);
  }
}

export class UnknownOrganisationError extends Error {
  constructor() {
    super("Kommunen findes ikke.");
  }
}

export async function createUser(db: DB, input: NewUserInput) {
  const data = newAccountSchema.parse(input);
  const existing = await db.selectFrom("users").select("id").where("email", "=", data.email).executeTakeFirst();
  if (existing) throw new EmailTakenError(data.email);
  if (data.organisationId) {
    const organisation = await db
      .selectFrom("organisations")
      .select("id")
      .where("id", "=", data.organisationId)
      .executeTakeFirst();
    if (!organisation) throw new UnknownOrganisationError();
  }
  return db
    .insertInto("users")
    .values({
      email: data.email,
      name: data.name,
      role: data.role,
      organisation_id: data.organisationId,
      password_hash: data.password === null ? null : await hashPassword(data.password),
    })
    .returning(["id", "email", "name", "role"])
    .executeTakeFirstOrThrow();
}

export function findUserByEmail(db: DB, email: string) {
  return db.selectFrom("users").selectAll().where("email", "=", normaliseEmail(email)).executeTakeFirst();
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
  await inTransaction(db, async (trx) => {
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
