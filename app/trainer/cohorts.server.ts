/**
 * Cohorts (hold): creating them, joining them with a code, and who may see which. A trainer
 * sees the cohorts they train; an administrator sees all of them.
 */
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { z } from "zod";
import { requireUser } from "~/auth/auth.server";
import { mayEnter, type Role } from "~/auth/roles";
import { recordFailure, secondsToWait, type ThrottlePolicy } from "~/auth/throttle.server";
import type { SessionUser } from "~/auth/session.server";
import { audited } from "~/admin/audit.server";
import { getDb, inTransaction, type DB } from "~/db/database.server";
import { formatDate, parseDate } from "~/utils/danish";
import { forbidden, notFound } from "~/utils/http.server";
import { joinCodeFrom, normaliseJoinCode } from "./join-code";
import { newUserSchema, normaliseEmail, UnknownOrganisationError } from "~/users/users.server";

/**
 * A date as a Danish user types it ("1. december 2026", "1.12.2026"; ISO from older forms),
 * stored as YYYY-MM-DD.
 */
const danishDate = (message: string) =>
  z.string({ error: message }).transform((value, ctx) => {
    const iso = parseDate(value);
    if (iso === null) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return iso;
  });

const cohortName = z
  .string({ error: "Skriv holdets navn." })
  .trim()
  .min(1, "Skriv holdets navn.")
  .max(120, "Navnet må højst være 120 tegn.");

const chosenModules = (moduleIds: readonly string[]) =>
  z
    .preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(z.string()))
    .pipe(
      z
        .array(z.string())
        .min(1, "Vælg mindst ét modul.")
        // On the list, not on each module, so the message is the field's ("modules"), not "modules[0]"'s.
        .refine((ids) => ids.every((id) => moduleIds.includes(id)), "Vælg kun blandt de viste moduler.")
        // A module posted twice is chosen once.
        .transform((ids) => [...new Set(ids)]),
    );

/** Name, dates and modules: the fields a cohort is created with and later changed by. */
const cohortDetailsShape = (moduleIds: readonly string[]) => ({
  name: cohortName,
  startsOn: danishDate(`Skriv startdatoen som en dato, fx 1. december 2026.`),
  endsOn: danishDate(`Skriv slutdatoen som en dato, fx 1. december 2026.`),
  modules: chosenModules(moduleIds),
});

const endsAfterStart = {
  check: (cohort: { startsOn: string; endsOn: string }) => cohort.endsOn >= cohort.startsOn,
  params: { path: ["endsOn"], message: "Slutdatoen skal ligge på eller efter startdatoen." },
};

/** The "create a cohort" form. `moduleIds` are the published modules a trainer may choose from. */
export function cohortSchema(moduleIds: readonly string[]) {
  return z
    .object({
      ...cohortDetailsShape(moduleIds),
      organisationId: z.string({ error: "Vælg en kommune." }).uuid("Vælg en kommune."),
    })
    .refine(endsAfterStart.check, endsAfterStart.params);
}
export type CohortInput = z.infer<ReturnType<typeof cohortSchema>>;

export { UnknownOrganisationError };

/** Where join codes get their randomness; tests pass a fixed one to force a clash. */
type RandomBytes = (size: number) => Uint8Array;

/** Creates a cohort with a fresh join code; the creator trains it. */
export async function createCohort(
  db: DB,
  input: CohortInput & { trainerId: string },
  random: RandomBytes = randomBytes,
) {
  return db.transaction().execute(async (trx) => {
    const organisation = await trx
      .selectFrom("organisations")
      .select("id")
      .where("id", "=", input.organisationId)
      .executeTakeFirst();
    if (!organisation) throw new UnknownOrganisationError();
    let cohort: { id: string; join_code: string } | undefined;
    // A clash of random codes is very unlikely; try again rather than fail.
    for (let attempt = 0; !cohort && attempt < 10; attempt++) {
      cohort = await trx
        .insertInto("cohorts")
        .values({
          name: input.name,
          organisation_id: input.organisationId,
          starts_on: input.startsOn,
          ends_on: input.endsOn,
          join_code: joinCodeFrom(random(8)),
          created_by: input.trainerId,
        })
        .onConflict((oc) => oc.column("join_code").doNothing())
        .returning(["id", "join_code"])
        .executeTakeFirst();
    }
    if (!cohort) throw new Error("Der kunne ikke dannes en ledig tilmeldingskode.");
    await trx.insertInto("cohort_trainers").values({ cohort_id: cohort.id, user_id: input.trainerId }).execute();
    await trx
      .insertInto("cohort_modules")
      .values(input.modules.map((module_id) => ({ cohort_id: cohort.id, module_id })))
      .execute();
    return { id: cohort.id, joinCode: cohort.join_code };
  });
}

export const joinSchema = z.object({
  code: z
    .string({ error: "Skriv holdets tilmeldingskode." })
    .transform(normaliseJoinCode)
    .pipe(
      z
        .string()
        .min(1, "Skriv holdets tilmeldingskode.")
        .max(40, "Koden er for lang. Tjek, at du har skrevet den rigtigt."),
    ),
});

export type CodeLookup =
  | { ok: true; cohort: { id: string; name: string; organisation: string; startsOn: string; endsOn: string } }
  | { ok: false; message: string };

export const UNKNOWN_CODE_MESSAGE =
  "Der findes intet hold med den kode. Tjek, at du har skrevet koden rigtigt, eller spørg din underviser.";
export const ARCHIVED_CODE_MESSAGE =
  "Holdet med den kode er afsluttet og arkiveret, så der kan ikke længere tilmeldes. Spørg din underviser.";
export const expiredMessage = (endsOn: string) =>
  `Holdet med den kode sluttede ${formatDate(endsOn)}, så der kan ikke længere tilmeldes. Spørg din underviser om en ny kode.`;

/** Cohorts with their organisation's name, in the shape the pages use. */
function cohortsWithOrganisation(db: DB) {
  return db
    .selectFrom("cohorts")
    .innerJoin("organisations", "organisations.id", "cohorts.organisation_id")
    .select([
      "cohorts.id",
      "cohorts.name",
      "organisations.name as organisation",
      "cohorts.starts_on as startsOn",
      "cohorts.ends_on as endsOn",
      "cohorts.join_code as joinCode",
      "cohorts.archived_at as archivedAt",
    ]);
}

/** The cohort a code belongs to, if it still takes members. */
export async function lookUpJoinCode(db: DB, code: string): Promise<CodeLookup> {
  const row = await cohortsWithOrganisation(db)
    // The last day counts in Danish time, whatever the database server's time zone.
    .select(sql<boolean>`cohorts.ends_on < (now() at time zone 'Europe/Copenhagen')::date`.as("expired"))
    .where("cohorts.join_code", "=", normaliseJoinCode(code))
    .executeTakeFirst();
  if (!row) return { ok: false, message: UNKNOWN_CODE_MESSAGE };
  if (row.expired) return { ok: false, message: expiredMessage(row.endsOn) };
  if (row.archivedAt) return { ok: false, message: ARCHIVED_CODE_MESSAGE };
  const { expired: _expired, joinCode: _code, archivedAt: _archived, ...cohort } = row;
  return { ok: true, cohort };
}

/** Joins the learner to the code's cohort. Joining twice changes nothing. */
export async function joinCohort(
  db: DB,
  userId: string,
  code: string,
): Promise<CodeLookup & { alreadyMember?: boolean }> {
  const found = await lookUpJoinCode(db, code);
  if (!found.ok) return found;
  // A trainer among the participants would skew the figures and the evaluation's threshold of five.
  if (await onCohort(db, "cohort_trainers", found.cohort.id, userId)) {
    return { ok: false, message: "Du er underviser på holdet og kan ikke tilmelde dig det som deltager." };
  }
  const inserted = await db
    .insertInto("cohort_members")
    .values({ cohort_id: found.cohort.id, user_id: userId })
    .onConflict((oc) => oc.columns(["cohort_id", "user_id"]).doNothing())
    .returning("cohort_id")
    .executeTakeFirst();
  return { ...found, alreadyMember: !inserted };
}

/** Whether the user trains (cohort_trainers) or takes part in (cohort_members) the cohort. */
async function onCohort(
  db: DB,
  table: "cohort_trainers" | "cohort_members",
  cohortId: string,
  userId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom(table)
    .select("user_id")
    .where("cohort_id", "=", cohortId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The cohorts a learner is a member of, newest first. */
export function cohortsOfMember(db: DB, userId: string) {
  return db
    .selectFrom("cohort_members")
    .innerJoin("cohorts", "cohorts.id", "cohort_members.cohort_id")
    .select(["cohorts.id", "cohorts.name", "cohorts.starts_on", "cohorts.ends_on"])
    .where("cohort_members.user_id", "=", userId)
    .orderBy("cohorts.starts_on", "desc")
    .execute();
}

export interface CohortHeader {
  id: string;
  name: string;
  organisation: string;
  startsOn: string;
  endsOn: string;
  joinCode: string;
  /** Set when archived: the cohort is read-only. */
  archivedAt: Date | null;
  moduleIds: string[];
}

const COHORT_ID = z.string().uuid();

/**
 * The cohort of a dashboard URL, if the user may see it: an administrator any, a trainer only
 * one they train (403 otherwise, whether or not it exists). Learners never get here: the
 * route's `requireUser(request, "trainer")` has refused them.
 */
export async function requireCohortAccess(
  db: DB,
  user: SessionUser,
  cohortId: string | undefined,
): Promise<CohortHeader> {
  const parsed = COHORT_ID.safeParse(cohortId);
  if (!parsed.success) notFound("Holdet findes ikke.");
  if (user.role !== "admin") {
    if (!(await onCohort(db, "cohort_trainers", parsed.data, user.id))) {
      forbidden("Du har ikke adgang til dette hold. En underviser ser kun de hold, vedkommende underviser.");
    }
  }
  const row = await cohortsWithOrganisation(db).where("cohorts.id", "=", parsed.data).executeTakeFirst();
  if (!row) notFound("Holdet findes ikke.");
  const modules = await db.selectFrom("cohort_modules").select("module_id").where("cohort_id", "=", row.id).execute();
  return {
    ...row,
    moduleIds: modules.map((m) => m.module_id),
  };
}

/** What every cohort page's loader and action starts with: the signed-in trainer and their cohort. */
export async function requireTrainerCohort(request: Request, cohortId: string | undefined) {
  const user = await requireUser(request, "trainer");
  const db = await getDb();
  return { user, db, cohort: await requireCohortAccess(db, user, cohortId) };
}

export const COHORTS_PER_PAGE = 25;

/**
 * The cohorts a user may see on /underviser, newest first: their own, or all for an
 * administrator. One page of COHORTS_PER_PAGE (`page` from 1), and whether there are more.
 */
export async function visibleCohortsPage(
  db: DB,
  user: Pick<SessionUser, "id" | "role">,
  page = 1,
  options: { archived?: boolean } = {},
) {
  const rows = await visibleCohorts(db, user, {
    limit: COHORTS_PER_PAGE + 1,
    offset: (page - 1) * COHORTS_PER_PAGE,
    archived: options.archived,
  });
  return { cohorts: rows.slice(0, COHORTS_PER_PAGE), more: rows.length > COHORTS_PER_PAGE };
}

/**
 * The cohorts a user may see: the ones not archived, or with `archived` only the archived ones.
 */
export async function visibleCohorts(
  db: DB,
  user: Pick<SessionUser, "id" | "role">,
  range?: { limit: number; offset: number; archived?: boolean },
) {
  let query = cohortsWithOrganisation(db)
    .where("cohorts.archived_at", range?.archived ? "is not" : "is", null)
    .orderBy("cohorts.starts_on", "desc")
    .orderBy("cohorts.name")
    .orderBy("cohorts.id");
  if (range) query = query.limit(range.limit).offset(range.offset);
  if (user.role !== "admin") {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("cohort_trainers")
          .select("cohort_trainers.cohort_id")
          .whereRef("cohort_trainers.cohort_id", "=", "cohorts.id")
          .where("cohort_trainers.user_id", "=", user.id),
      ),
    );
  }
  return query.execute();
}

export function listOrganisations(db: DB) {
  return db.selectFrom("organisations").select(["id", "name"]).orderBy("name").execute();
}

/** A rule of the cohort's settings page was broken; the message says which, in Danish. */
export class CohortRuleError extends Error {}

/** A confirmed action: the confirmation form posts `bekraeft=ja`; without it the page asks first. */
const confirmed = z
  .string()
  .optional()
  .transform((value) => value === "ja");

const userId = (message: string) => z.string({ error: message }).uuid(message);

/** The forms of /underviser/hold/<id>/indstillinger. `moduleIds`: the published modules. */
export function cohortSettingsSchema(moduleIds: readonly string[]) {
  return z.discriminatedUnion(
    "intent",
    [
      z.object({
        intent: z.literal("add-trainer"),
        email: z
          .string({ error: "Skriv underviserens e-mailadresse." })
          .trim()
          .min(1, "Skriv underviserens e-mailadresse.")
          .max(320)
          .pipe(newUserSchema.shape.email),
      }),
      z.object({
        intent: z.literal("remove-trainer"),
        userId: userId("Underviseren findes ikke."),
        bekraeft: confirmed,
      }),
      z.object({ intent: z.literal("renew-code"), bekraeft: confirmed }),
      z
        .object({ intent: z.literal("update-details"), ...cohortDetailsShape(moduleIds) })
        .refine(endsAfterStart.check, endsAfterStart.params),
      z.object({
        intent: z.literal("remove-participant"),
        userId: userId("Deltageren findes ikke."),
        bekraeft: confirmed,
      }),
      z.object({ intent: z.literal("archive") }),
      z.object({ intent: z.literal("restore") }),
      z.object({
        intent: z.literal("invite"),
        // One person per line; read by parseInviteeList, which names each line's problem.
        invitees: z
          .string({ error: "Skriv mindst én deltager: navn og e-mailadresse." })
          .max(40_000, "Listen er for lang."),
      }),
      z.object({
        intent: z.literal("follow-up-date"),
        activityId: z.string({ error: "Evalueringen findes ikke." }).min(1, "Evalueringen findes ikke.").max(200),
        // Empty: back to the date the course gives.
        opensOn: z
          .string()
          .optional()
          .transform((value, ctx) => {
            if (!value?.trim()) return null;
            const iso = parseDate(value);
            if (iso === null) {
              ctx.addIssue({ code: "custom", message: "Skriv datoen som en dato, fx 1. december 2026." });
              return z.NEVER;
            }
            return iso;
          }),
      }),
    ],
    { error: "Ukendt handling." },
  );
}

export function cohortTrainers(db: DB, cohortId: string) {
  return db
    .selectFrom("cohort_trainers")
    .innerJoin("users", "users.id", "cohort_trainers.user_id")
    .select(["users.id", "users.name", "users.email"])
    .where("cohort_trainers.cohort_id", "=", cohortId)
    .orderBy("users.name")
    .execute();
}

/** Failed lookups a trainer may make before each further one must wait (guessing e-mail addresses). */
export const TRAINER_LOOKUP: ThrottlePolicy = { freeFailures: 10, firstWaitSeconds: 30, maxWaitSeconds: 15 * 60 };

/**
 * Makes another user a trainer of the cohort: an active user of the cohort's kommune whose role
 * may enter the trainer pages, and not one of its participants (for the same reason a trainer
 * cannot join). Whether an address has an account, which role or name it has, is told only for
 * users of that kommune: any other address gets one and the same "not possible" message, and
 * such failed lookups are throttled per trainer. An administrator may add any trainer.
 */
export async function addCohortTrainer(
  db: DB,
  cohortId: string,
  email: string,
  actor: { id: string; name: string; role: Role },
  clientAddress: string | null = null,
): Promise<{ id: string; name: string }> {
  const lookupKey = `trainer-lookup:${actor.id}`;
  const wait = await secondsToWait(db, lookupKey, TRAINER_LOOKUP);
  if (wait > 0) {
    throw new CohortRuleError(
      `Du har prøvet mange e-mailadresser, der ikke kunne tilføjes. Vent ${Math.ceil(wait / 60)} minut${wait > 60 ? "ter" : ""}, og prøv igen.`,
    );
  }
  const cohort = await db
    .selectFrom("cohorts")
    .innerJoin("organisations", "organisations.id", "cohorts.organisation_id")
    .select(["cohorts.organisation_id as organisationId", "organisations.name as organisation"])
    .where("cohorts.id", "=", cohortId)
    .executeTakeFirstOrThrow();
  const user = await db
    .selectFrom("users")
    .select(["id", "name", "role"])
    .where("email", "=", normaliseEmail(email))
    .where("active", "=", true)
    .$if(actor.role !== "admin", (query) => query.where("organisation_id", "=", cohort.organisationId))
    .executeTakeFirst();
  if (!user || !mayEnter(user.role, "trainer")) {
    await recordFailure(db, [lookupKey]);
    throw new CohortRuleError(
      `${email} kan ikke tilføjes som underviser. Det kræver en aktiv underviserkonto i ${cohort.organisation}; en administrator kan oprette den eller give den rollen underviser.`,
    );
  }
  if (await onCohort(db, "cohort_members", cohortId, user.id)) {
    throw new CohortRuleError(`${user.name} er deltager på holdet og kan ikke også være underviser på det.`);
  }
  // The lookup above and its throttle stay outside: a refusal must count even though nothing is added.
  await audited(
    db,
    { actor, action: "cohort.trainer_added", cohortId, subjectUserId: user.id, clientAddress },
    async (trx) => {
      const inserted = await trx
        .insertInto("cohort_trainers")
        .values({ cohort_id: cohortId, user_id: user.id })
        .onConflict((oc) => oc.columns(["cohort_id", "user_id"]).doNothing())
        .returning("user_id")
        .executeTakeFirst();
      if (!inserted) throw new CohortRuleError(`${user.name} er allerede underviser på holdet.`);
    },
  );
  return { id: user.id, name: user.name };
}

/** Removes a trainer from the cohort. The last one stays: a cohort nobody trains is lost. */
export async function removeCohortTrainer(db: DB, cohortId: string, userId: string): Promise<{ name: string }> {
  return inTransaction(db, async (trx) => {
    // Two trainers removing each other at once must not leave the cohort without one.
    await trx.selectFrom("cohorts").select("id").where("id", "=", cohortId).forUpdate().execute();
    const trainers = await trx
      .selectFrom("cohort_trainers")
      .innerJoin("users", "users.id", "cohort_trainers.user_id")
      .select(["users.id", "users.name"])
      .where("cohort_trainers.cohort_id", "=", cohortId)
      .execute();
    const trainer = trainers.find((t) => t.id === userId);
    if (!trainer) throw new CohortRuleError("Brugeren er ikke underviser på holdet.");
    if (trainers.length === 1) {
      throw new CohortRuleError("Holdet skal have mindst én underviser. Tilføj en anden, før du fjerner den sidste.");
    }
    await trx.deleteFrom("cohort_trainers").where("cohort_id", "=", cohortId).where("user_id", "=", userId).execute();
    return { name: trainer.name };
  });
}

/**
 * Gives the cohort a new join code, for example when the old one has been shared too widely.
 * The old code and link stop working at once; participants stay on the cohort.
 */
export async function renewJoinCode(db: DB, cohortId: string, random: RandomBytes = randomBytes): Promise<string> {
  // A clash of random codes is very unlikely; draw again rather than fail. Looked up first rather
  // than caught: inside a transaction (with its audit entry) a unique violation would end it.
  for (let attempt = 0; attempt < 10; attempt++) {
    const code = joinCodeFrom(random(8));
    const taken = await db.selectFrom("cohorts").select("id").where("join_code", "=", code).executeTakeFirst();
    if (taken) continue;
    const updated = await db
      .updateTable("cohorts")
      .set({ join_code: code })
      .where("id", "=", cohortId)
      .returning("join_code")
      .executeTakeFirstOrThrow();
    return updated.join_code;
  }
  throw new Error("Der kunne ikke dannes en ledig tilmeldingskode.");
}
