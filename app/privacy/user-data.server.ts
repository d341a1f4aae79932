/**
 * Everything the database holds about one person, in one place (GDPR): `exportUserData` for an
 * administrator's export (and a user's own "download my data"), `deleteLearningData` for
 * removing what a learner did (progress, attempts, answers) while the account stays, and the
 * retention job that does the latter for accounts inactive for RETENTION_MONTHS.
 *
 * TABLES classifies every table of the database. tests/db/privacy.test.ts fails when a table
 * exists that is not classified here: a new table must say whether it holds a user's data, how
 * to find their rows, and whether those rows are learning data.
 */
import { sql, type Transaction } from "kysely";
import { inTransaction, type DB } from "~/db/database.server";
import type { Database } from "~/db/schema";

type Executor = DB | Transaction<Database>;
type Rows = (db: Executor, userId: string) => Promise<unknown[]>;

interface PersonalTable {
  personal: true;
  /** The user's rows, as exported (secrets such as password and token hashes left out). */
  rows: Rows;
  /** Learning data: removed by deleteLearningData, children before parents (the order of TABLES). */
  learning: boolean;
}
interface ImpersonalTable {
  personal: false;
  /** Why it holds nothing about a person. */
  reason: string;
}
type TableClassification = PersonalTable | ImpersonalTable;

const byUser =
  <T extends keyof Database & string>(table: T): Rows =>
  (db, userId) =>
    db
      .selectFrom(table as "activity_completions")
      .selectAll()
      .where("user_id", "=", userId)
      .execute();

const learning = (rows: Rows): PersonalTable => ({ personal: true, learning: true, rows });
const account = (rows: Rows): PersonalTable => ({ personal: true, learning: false, rows });
const impersonal = (reason: string): ImpersonalTable => ({ personal: false, reason });

export const TABLES: Record<keyof Database, TableClassification> = {
  // Learning data, children first: deleteLearningData removes them in this order.
  case_decisions: learning(byUser("case_decisions")),
  case_attempts: learning(byUser("case_attempts")),
  quiz_answers: learning(byUser("quiz_answers")),
  quiz_attempts: learning(byUser("quiz_attempts")),
  evaluation_answers: learning((db, userId) =>
    db
      .selectFrom("evaluation_answers")
      .innerJoin("evaluation_responses", "evaluation_responses.id", "evaluation_answers.response_id")
      .selectAll("evaluation_answers")
      .where("evaluation_responses.user_id", "=", userId)
      .execute(),
  ),
  evaluation_responses: learning(byUser("evaluation_responses")),
  follow_up_answers: learning((db, userId) =>
    db
      .selectFrom("follow_up_answers")
      .innerJoin("follow_up_responses", "follow_up_responses.id", "follow_up_answers.response_id")
      .selectAll("follow_up_answers")
      .where("follow_up_responses.user_id", "=", userId)
      .execute(),
  ),
  follow_up_responses: learning(byUser("follow_up_responses")),
  // A begrundelse's texts and ratings (issue 13); a review is also the data of the trainer who wrote it.
  begrundelse_discussions: learning(byUser("begrundelse_discussions")),
  begrundelse_review_ratings: learning(byUser("begrundelse_review_ratings")),
  begrundelse_reviews: learning((db, userId) =>
    db
      .selectFrom("begrundelse_reviews")
      .selectAll()
      .where((eb) => eb.or([eb("user_id", "=", userId), eb("trainer_id", "=", userId)]))
      .execute(),
  ),
  begrundelse_self_ratings: learning(byUser("begrundelse_self_ratings")),
  begrundelse_attempts: learning(byUser("begrundelse_attempts")),
  activity_completions: learning(byUser("activity_completions")),

  // The account and what belongs to it; kept by deleteLearningData.
  users: account((db, userId) =>
    db
      .selectFrom("users")
      .leftJoin("organisations", "organisations.id", "users.organisation_id")
      .select([
        "users.id",
        "users.email",
        "users.name",
        "users.role",
        "organisations.name as organisation",
        "users.active",
        "users.created_at",
        "users.last_active_at",
        sql<boolean>`users.password_hash is not null`.as("has_password"),
      ])
      .where("users.id", "=", userId)
      .execute(),
  ),
  sessions: account((db, userId) =>
    db
      .selectFrom("sessions")
      .select(["created_at", "last_seen_at", "expires_at"])
      .where("user_id", "=", userId)
      .execute(),
  ),
  user_identities: account(byUser("user_identities")),
  invitations: account((db, userId) =>
    db
      .selectFrom("invitations")
      .select(["id", "email", "name", "role", "cohort_id", "created_at", "expires_at", "accepted_at"])
      .where((eb) => eb.or([eb("user_id", "=", userId), eb("accepted_by", "=", userId), eb("invited_by", "=", userId)]))
      .execute(),
  ),
  password_resets: account((db, userId) =>
    db
      .selectFrom("password_resets")
      .select(["created_at", "expires_at", "used_at"])
      .where("user_id", "=", userId)
      .execute(),
  ),
  login_failures: account(async (db, userId) => {
    const user = await db.selectFrom("users").select("email").where("id", "=", userId).executeTakeFirst();
    if (!user) return [];
    return db
      .selectFrom("login_failures")
      .selectAll()
      .where((eb) => eb.or([eb("key", "=", `login:${user.email}`), eb("key", "like", `login:${user.email}|%`)]))
      .execute();
  }),
  cohort_members: account(byUser("cohort_members")),
  cohort_trainers: account(byUser("cohort_trainers")),
  cohorts: account((db, userId) =>
    db.selectFrom("cohorts").select(["id", "name", "created_at"]).where("created_by", "=", userId).execute(),
  ),
  // Issued certificates stay when learning data is deleted: their verification code must keep working.
  certificates: account(byUser("certificates")),
  audit_log: account((db, userId) =>
    db
      .selectFrom("audit_log")
      .selectAll()
      .where((eb) => eb.or([eb("subject_user_id", "=", userId), eb("actor_id", "=", userId)]))
      .orderBy("at")
      .execute(),
  ),

  app_meta: impersonal("settings of the installation"),
  organisations: impersonal("kommuner; a user's is named in the users export"),
  case_versions: impersonal("the case definitions attempts were started on"),
  cohort_modules: impersonal("which modules a cohort has"),
  cohort_follow_ups: impersonal("a cohort's follow-up dates"),
  oidc_logins: impersonal("a sign-in in progress (state, nonce), not tied to an account, expires in minutes"),
};

export interface UserDataExport {
  exportedAt: string;
  userId: string;
  /** Every table that holds something about the user, with the user's rows. */
  tables: Record<string, unknown[]>;
}

/** Everything stored about one user, table by table (JSON-ready). Null if the user does not exist. */
export async function exportUserData(db: DB, userId: string): Promise<UserDataExport | null> {
  const exists = await db.selectFrom("users").select("id").where("id", "=", userId).executeTakeFirst();
  if (!exists) return null;
  const tables: Record<string, unknown[]> = {};
  for (const [name, classification] of Object.entries(TABLES)) {
    if (classification.personal) tables[name] = await classification.rows(db, userId);
  }
  return { exportedAt: new Date().toISOString(), userId, tables };
}

/** Tables deleteLearningData empties for a user, in the order it deletes. */
export const LEARNING_TABLES = Object.entries(TABLES)
  .filter(([, c]) => c.personal && c.learning)
  .map(([name]) => name as keyof Database);

/**
 * Removes a user's learning data (completions, case attempts and decisions, quiz attempts and
 * answers, evaluation and follow-up responses, begrundelse texts and their ratings) in one transaction. The account, its sessions and
 * memberships stay. Returns how many rows each table lost.
 */
export async function deleteLearningData(db: DB, userId: string): Promise<Record<string, number>> {
  return inTransaction(db, async (trx) => {
    const deleted: Record<string, number> = {};
    for (const table of LEARNING_TABLES) {
      let result;
      if (table === "evaluation_answers" || table === "follow_up_answers") {
        const parent = table === "evaluation_answers" ? "evaluation_responses" : "follow_up_responses";
        result = await trx
          .deleteFrom(table)
          .where("response_id", "in", trx.selectFrom(parent).select("id").where("user_id", "=", userId))
          .executeTakeFirst();
      } else {
        result = await trx
          .deleteFrom(table as "activity_completions")
          .where("user_id", "=", userId)
          .executeTakeFirst();
      }
      deleted[table] = Number(result.numDeletedRows);
    }
    return deleted;
  });
}

/** The accounts not active for `months`: the retention rule removes their learning data. */
export async function inactiveAccounts(db: DB, months: number): Promise<string[]> {
  const rows = await db
    .selectFrom("users")
    .select("id")
    .where("last_active_at", "<", sql<Date>`now() - make_interval(months => ${months})`)
    .execute();
  return rows.map((row) => row.id);
}
