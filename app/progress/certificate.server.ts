/**
 * The course certificate. It is issued once, the first time a learner opens it after completing
 * the module by the pass rule (`passing.ts`), and stored with everything it says: the learner's
 * name and kommune, the module, the day it was completed, the date of its legal basis and a
 * verification code. `/bevis/<code>` confirms exactly that, without a login.
 */
import { randomBytes } from "node:crypto";
import { danishToday, formatDanishDate } from "~/content/legal-date";
import type { CourseModule } from "~/content/types";
import { isUniqueViolation, type DB } from "~/db/database.server";
import type { Selectable } from "kysely";
import type { CertificatesTable } from "~/db/schema";
import { certificateCodeFrom, normaliseJoinCode } from "~/trainer/join-code";
import { missingActivities } from "~/activities/module-statuses.server";
import { completedAt } from "./passing";
import { learnerStandings } from "./passing.server";

export interface CertificateView {
  code: string;
  learnerName: string;
  organisationName: string | null;
  moduleId: string;
  moduleTitle: string;
  legalBasis: string;
  /** "1. december 2026", and the ISO date for `<time>`. */
  legalAsOf: { text: string; iso: string } | null;
  completedOn: { text: string; iso: string };
}

export type CertificateState =
  | { issued: true; certificate: CertificateView }
  | { issued: false; missing: { id: string; title: string; sentence: string }[] };

const toView = (row: Selectable<CertificatesTable>): CertificateView => ({
  code: row.code,
  learnerName: row.learner_name,
  organisationName: row.organisation_name,
  moduleId: row.module_id,
  moduleTitle: row.module_title,
  legalBasis: row.legal_basis,
  legalAsOf: row.legal_as_of ? { text: formatDanishDate(row.legal_as_of), iso: row.legal_as_of } : null,
  completedOn: { text: formatDanishDate(row.completed_on), iso: row.completed_on },
});

function issued(db: DB, userId: string, moduleId: string) {
  return db
    .selectFrom("certificates")
    .selectAll()
    .where("user_id", "=", userId)
    .where("module_id", "=", moduleId)
    .executeTakeFirst();
}

/**
 * The learner's certificate for the module: the one already issued, or a new one if the module
 * is now completed, or what is still missing. Issuing is idempotent (one per learner and module).
 */
export async function certificateFor(db: DB, userId: string, module: CourseModule): Promise<CertificateState> {
  const existing = await issued(db, userId, module.id);
  if (existing) return { issued: true, certificate: toView(existing) };

  const standings = await learnerStandings(db, userId, [module]);
  const completed = completedAt(module, standings);
  if (!completed) return { issued: false, missing: await missingActivities(module, standings) };

  const learner = await db
    .selectFrom("users")
    .leftJoin("organisations", "organisations.id", "users.organisation_id")
    .select(["users.name", "organisations.name as organisation"])
    .where("users.id", "=", userId)
    .executeTakeFirstOrThrow();
  for (let attempt = 0; ; attempt++) {
    try {
      await db
        .insertInto("certificates")
        .values({
          code: certificateCodeFrom(randomBytes(12)),
          user_id: userId,
          module_id: module.id,
          learner_name: learner.name,
          organisation_name: learner.organisation,
          module_title: module.title,
          legal_basis: module.legalBasis.join(" · "),
          legal_as_of: module.legalAsOf,
          completed_on: danishToday(completed),
        })
        .onConflict((oc) => oc.columns(["user_id", "module_id"]).doNothing())
        .execute();
      break;
    } catch (error) {
      // Two certificates drew the same code (about one in 10^17): draw again.
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
  return { issued: true, certificate: toView((await issued(db, userId, module.id))!) };
}

/** What a certificate says, looked up by its code as a person typed it; null for no such code. */
export async function verifyCertificate(db: DB, typedCode: string): Promise<CertificateView | null> {
  const code = normaliseJoinCode(typedCode);
  if (!/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/.test(code)) return null;
  const row = await db.selectFrom("certificates").selectAll().where("code", "=", code).executeTakeFirst();
  return row ? toView(row) : null;
}

/** The learner's issued certificates, newest first, for the home page. */
export async function certificatesOf(db: DB, userId: string): Promise<CertificateView[]> {
  const rows = await db
    .selectFrom("certificates")
    .selectAll()
    .where("user_id", "=", userId)
    .orderBy("completed_on", "desc")
    .execute();
  return rows.map(toView);
}
