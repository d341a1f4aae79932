/**
 * Users: accounts, their roles and whether they are active. Deactivating a user ends all their
 * sessions at once; an administrator cannot lock themselves out.
 */
import { sql } from "kysely";
import { z } from "zod";
import { hashPassword } from "~/auth/password.server";
import { ALL_ROLES, type Role } from "~/auth/roles";
import { inTransaction, isUniqueViolation, type DB } from "~/db/database.server";

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

export const USERS_PER_PAGE = 50;

/** What the user list on /admin is filtered by (from the query string, so a filtered page can be linked). */
export const userFilterSchema = z.object({
  q: z.string().trim().max(200).catch(""),
  rolle: z
    .enum(ALL_ROLES as [Role, ...Role[]])
    .optional()
    .catch(undefined),
  /** A kommune's id, or "ingen" for users without one. */
  kommune: z
    .union([z.literal("ingen"), z.string().uuid()])
    .optional()
    .catch(undefined),
  status: z.enum(["aktive", "deaktiverede"]).optional().catch(undefined),
  side: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type UserFilter = z.infer<typeof userFilterSchema>;

/** The filter a query string asks for; anything unreadable in it is ignored, never an error page. */
export const readUserFilter = (params: URLSearchParams): UserFilter =>
  userFilterSchema.parse(Object.fromEntries([...params].filter(([, value]) => value !== "")));

const usersWithKommune = (db: DB) =>
  db.selectFrom("users").leftJoin("organisations", "organisations.id", "users.organisation_id");

/** How an account signs in: with a password, with single sign-on (for a query that has `users`). */
export const signInMethods = () =>
  [
    sql<boolean>`users.password_hash is not null`.as("hasPassword"),
    sql<boolean>`exists (select 1 from user_identities i where i.user_id = users.id)`.as("hasIdentity"),
  ] as const;

/** What the administrator's pages show of a user: who, their kommune, whether active, how they sign in. */
const USER_SUMMARY = [
  "users.id",
  "users.name",
  "users.email",
  "users.role",
  "users.active",
  "users.organisation_id as organisationId",
  "organisations.name as organisation",
  ...signInMethods(),
] as const;

/** One user as the administrator's user page shows them, or undefined. */
export const findUserSummary = (db: DB, userId: string) =>
  usersWithKommune(db).select(USER_SUMMARY).where("users.id", "=", userId).executeTakeFirst();

/**
 * One page of the user list, by name: users whose name or e-mail contains `q`, with the role,
 * kommune and status asked for. `total` counts every match, so the page can say where it is.
 */
export async function listUsers(db: DB, filter: Partial<UserFilter> = {}) {
  let select = usersWithKommune(db);
  const term = filter.q?.trim();
  if (term) {
    const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    select = select.where((eb) => eb.or([eb("users.name", "ilike", pattern), eb("users.email", "ilike", pattern)]));
  }
  if (filter.rolle) select = select.where("users.role", "=", filter.rolle);
  if (filter.kommune === "ingen") select = select.where("users.organisation_id", "is", null);
  else if (filter.kommune) select = select.where("users.organisation_id", "=", filter.kommune);
  if (filter.status) select = select.where("users.active", "=", filter.status === "aktive");

  const total = Number((await select.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  const pages = Math.max(1, Math.ceil(total / USERS_PER_PAGE));
  const page = Math.min(Math.max(1, filter.side ?? 1), pages);
  const users = await select
    .select(USER_SUMMARY)
    .orderBy("users.name")
    .orderBy("users.email")
    .limit(USERS_PER_PAGE)
    .offset((page - 1) * USERS_PER_PAGE)
    .execute();
  return { users, total, page, pages, first: total === 0 ? 0 : (page - 1) * USERS_PER_PAGE + 1 };
}

export const editUserSchema = z.object({
  name: newUserSchema.shape.name,
  email: newUserSchema.shape.email,
  role: newUserSchema.shape.role,
  organisationId: z.preprocess(
    (v) => (v === "" || v === undefined ? null : v),
    z.string().uuid("Vælg en kommune.").nullable(),
  ),
});
export type EditUserInput = z.infer<typeof editUserSchema>;

/**
 * An administrator corrects a user's name, e-mail, kommune and role. The address must not belong
 * to another account; an administrator cannot take their own administrator role. Returns which
 * fields changed (for the message and the audit log).
 */
export async function updateUser(
  db: DB,
  input: EditUserInput & { actorId: string; userId: string },
): Promise<{ changed: (keyof EditUserInput)[]; before: { role: Role } }> {
  const data = editUserSchema.parse(input);
  if (input.actorId === input.userId && data.role !== "admin") {
    throw new AdminRuleError("Du kan ikke fjerne din egen administratorrolle. Bed en anden administrator om det.");
  }
  return inTransaction(db, async (trx) => {
    const before = await trx
      .selectFrom("users")
      .select(["name", "email", "role", "organisation_id"])
      .where("id", "=", input.userId)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw new AdminRuleError("Brugeren findes ikke.");
    if (data.email !== before.email) {
      const taken = await trx
        .selectFrom("users")
        .select("id")
        .where("email", "=", data.email)
        .where("id", "<>", input.userId)
        .executeTakeFirst();
      if (taken) throw new EmailTakenError(data.email);
    }
    if (data.organisationId && data.organisationId !== before.organisation_id) {
      const organisation = await trx
        .selectFrom("organisations")
        .select("id")
        .where("id", "=", data.organisationId)
        .executeTakeFirst();
      if (!organisation) throw new UnknownOrganisationError();
    }
    const changed = (
      [
        ["name", before.name !== data.name],
        ["email", before.email !== data.email],
        ["role", before.role !== data.role],
        ["organisationId", before.organisation_id !== data.organisationId],
      ] as const
    )
      .filter(([, differs]) => differs)
      .map(([field]) => field);
    if (changed.length === 0) return { changed, before };
    try {
      await trx
        .updateTable("users")
        .set({ name: data.name, email: data.email, role: data.role, organisation_id: data.organisationId })
        .where("id", "=", input.userId)
        .execute();
    } catch (error) {
      // The same address given to another account at the same moment.
      if (isUniqueViolation(error)) throw new EmailTakenError(data.email);
      throw error;
    }
    return { changed, before };
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
