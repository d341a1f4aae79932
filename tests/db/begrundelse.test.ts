/**
 * "Skriv begrundelsen" in the database, on both engines: the draft (kept across a restart), a
 * submit recorded once, a refused submit that loses nothing, the self-assessment that completes
 * the activity, "Prøv igen" with every attempt kept, the trainer's assessment (idempotent, and
 * consistent when two trainers save at once), the texts marked for discussion, the export's
 * columns, and a learner's texts in their data export and deletion.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ActivityActionResult, ActivityReply, ActivityRequest } from "../../app/activities/activity-type";
import { begrundelseServer } from "../../app/activities/begrundelse/begrundelse.server";
import type { BegrundelseActivity } from "../../app/activities/begrundelse/content";
import type { BegrundelsePage } from "../../app/activities/begrundelse/page";
import {
  cohortBegrundelser,
  cohortText,
  saveReview,
  setForDiscussion,
} from "../../app/activities/begrundelse/reviews.server";
import type { SessionUser } from "../../app/auth/session.server";
import { replyMessages } from "../../app/forms/reply";
import type { CompiledCourse, CourseModule } from "../../app/content/types";
import type { DB } from "../../app/db/database.server";
import { deleteLearningData, exportUserData } from "../../app/privacy/user-data.server";
import { completions } from "../../app/progress/progress.server";
import { createCohort } from "../../app/trainer/cohorts.server";
import { sql } from "kysely";
import { testBegrundelse, trainerCourse } from "../activity-fixtures";
import { createTestUser } from "../factories";
import { engines, freshDatabase, type TestDatabase } from "./engines";

const module: CourseModule = { ...trainerCourse.modules[0]!, activities: [testBegrundelse] };
const course: CompiledCourse = { ...trainerCourse, modules: [module] };
const TEXT = "Du får afslag efter serviceloven § 112, fordi lægeerklæringen viser, at du kan gå 150 meter.";
const here = `/moduler/test/${testBegrundelse.id}`;

const form = (fields: Record<string, string>) => {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.append(key, value);
  return body;
};

/**
 * The status and body of what an intent answered: a redirect, or the form's reply, with its
 * messages (`error`: the form's own) and the values it gives back.
 */
async function answer(result: ActivityActionResult) {
  if (result instanceof Response)
    return { status: result.status, location: result.headers.get("Location"), data: null };
  const init = (result as unknown as { init?: { status?: number } }).init;
  const reply = (result as unknown as { data: ActivityReply }).data;
  const { errors, formError } = replyMessages(reply);
  return {
    status: init?.status ?? 200,
    location: null,
    data: {
      formId: reply.formId,
      saved: reply.saved,
      error: formError,
      fieldErrors: errors,
      values: reply.result.initialValue ?? undefined,
    },
  };
}

describe.each(engines)("Skriv begrundelsen on %s", (engine) => {
  let handle: TestDatabase;
  let db: DB;
  let learner: SessionUser;
  let trainerId = "";
  let otherTrainerId = "";
  let cohortId = "";

  const request = (
    user: SessionUser,
    activity: BegrundelseActivity = testBegrundelse,
  ): ActivityRequest<BegrundelseActivity> => ({
    db,
    user,
    module,
    activity,
    url: new URL(`http://localhost${here}`),
    here,
  });
  const load = (user = learner) => begrundelseServer.load(request(user)) as Promise<BegrundelsePage>;
  const post = async (intent: string, fields: Record<string, string>, user = learner) =>
    answer(await begrundelseServer.intents[intent]!(request(user), form(fields)));
  const sessionUser = (user: { id: string; name: string; email: string }): SessionUser =>
    ({ id: user.id, name: user.name, email: user.email, role: "learner" }) as SessionUser;

  beforeAll(async () => {
    handle = await freshDatabase(engine, { persistent: engine === "pglite" });
    db = handle.db;
    const org = await db
      .insertInto("organisations")
      .values({ name: "Egeby Kommune" })
      .returning("id")
      .executeTakeFirstOrThrow();
    learner = sessionUser(await createTestUser(db, { name: "Lise Læring", organisationId: org.id }));
    trainerId = (await createTestUser(db, { role: "trainer", organisationId: org.id })).id;
    otherTrainerId = (await createTestUser(db, { role: "trainer", organisationId: org.id })).id;
    const cohort = await createCohort(db, {
      name: "Hold A",
      organisationId: org.id,
      startsOn: "2026-01-01",
      endsOn: "2099-12-31",
      modules: ["test"],
      trainerId,
    });
    cohortId = cohort.id;
    await db.insertInto("cohort_members").values({ cohort_id: cohortId, user_id: learner.id }).execute();
  });
  afterAll(() => handle.close());

  test("before anything is written the page has the task and case file, and no criterion or model answer", async () => {
    const page = await load();
    expect(page.step).toEqual({ kind: "writing", attemptId: null, number: 1, text: "", savedAt: null });
    expect(page.taskHtml).toContain("Skriv begrundelsen til borgeren");
    expect(page.documents.map((d) => d.title)).toEqual(["Ansøgning"]);
    const json = JSON.stringify(page);
    for (const secret of ["Henvisning til retsgrundlaget", "FVL § 24", "Mønsterbesvarelsen", "retsgrundlag"]) {
      expect(json).not.toContain(secret);
    }
  });

  test("a draft is saved, changed and kept across a restart; the page still holds no criterion", async () => {
    expect(await post("draft", { attempt: "", text: "Første udkast." })).toMatchObject({ status: 302 });
    const first = await load();
    expect(first.step).toMatchObject({ kind: "writing", number: 1, text: "Første udkast." });
    const attemptId = (first.step as { attemptId: string }).attemptId;
    expect(attemptId).toMatch(/^[0-9a-f-]{36}$/);
    // The autosave answers with the time and stays on the page.
    const autosaved = await post("draft", {
      attempt: attemptId,
      text: "Andet udkast.\r\nMed linjeskift.",
      autosave: "1",
    });
    expect(autosaved).toMatchObject({
      status: 200,
      data: { formId: "begrundelse.submit", saved: { attemptId, at: expect.stringMatching(/^kl\. \d\d\.\d\d$/) } },
    });
    if (engine === "pglite") {
      const reopened = await handle.reopen();
      db = reopened.db;
      handle = { ...handle, ...reopened };
    }
    const page = await load();
    expect(page.step).toMatchObject({ kind: "writing", attemptId, text: "Andet udkast.\nMed linjeskift." });
    expect(JSON.stringify(page)).not.toContain("Mønsterbesvarelsen");
  });

  test("a text over the maximum is refused, and given back; a submit too short is refused and kept as the draft", async () => {
    const { attemptId } = (await load()).step as { attemptId: string };
    const long = "x".repeat(10_001);
    expect(await post("draft", { attempt: attemptId, text: long })).toMatchObject({
      status: 400,
      data: {
        formId: "begrundelse.submit",
        error: "Teksten er for lang: højst 10.000 tegn, og den er 10.001. Gør den 1 tegn kortere.",
        values: { text: long },
      },
    });
    const short = await post("submit", { attempt: attemptId, text: "For kort tekst." });
    expect(short).toMatchObject({
      status: 400,
      data: {
        error:
          "Teksten er for kort til at blive indsendt: mindst 50 tegn, og den er 15. Skriv 35 tegn mere. Din tekst er gemt som kladde.",
        values: { text: "For kort tekst." },
      },
    });
    expect((await load()).step).toMatchObject({ kind: "writing", text: "For kort tekst." });
    expect(await post("draft", { attempt: "ikke-et-id", text: "x" })).toMatchObject({
      status: 400,
      data: { error: "Formularen er ugyldig. Genindlæs siden.", values: { text: "x" } },
    });
  });

  test("a submit is recorded once; the text is then fixed and the criteria's labels (only) join the page", async () => {
    const { attemptId } = (await load()).step as { attemptId: string };
    const [a, b] = await Promise.all([
      post("submit", { attempt: attemptId, text: TEXT }),
      post("submit", { attempt: attemptId, text: TEXT }),
    ]);
    expect([a.status, b.status]).toEqual([302, 302]);
    const rows = await db.selectFrom("begrundelse_attempts").selectAll().where("user_id", "=", learner.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "submitted", submitted_text: TEXT, content_version: "b1" });
    // Another text for the submitted attempt, or a late autosave, changes nothing.
    expect(await post("submit", { attempt: attemptId, text: `${TEXT} Ændret.` })).toMatchObject({ status: 409 });
    expect(await post("draft", { attempt: attemptId, text: "Sen autosave", autosave: "1" })).toMatchObject({
      status: 409,
    });
    const page = await load();
    expect(page.step).toEqual({
      kind: "self-assessment",
      attemptId,
      number: 1,
      text: TEXT,
      criteria: [
        { id: "retsgrundlag", label: "Henvisning til retsgrundlaget" },
        { id: "fakta", label: "De faktiske oplysninger" },
        { id: "klage", label: "Klagevejledning" },
      ],
    });
    expect(JSON.stringify(page)).not.toMatch(/Mønsterbesvarelsen|FVL § 24/);
    expect((await completions(db, learner.id)).has(testBegrundelse.id)).toBe(false);
  });

  test("the self-assessment needs every criterion; it completes the activity and shows explanations and the model answer", async () => {
    const { attemptId } = (await load()).step as { attemptId: string };
    expect(await post("assess", { attempt: attemptId, "rating-retsgrundlag": "opfyldt" })).toMatchObject({
      status: 400,
      data: {
        formId: "begrundelse.assess",
        error: "Vurdér alle kriterier, før du gemmer: 2 kriterier mangler.",
        fieldErrors: { "rating-fakta": "Vurdér kriteriet: „De faktiske oplysninger“" },
        // The rating chosen is given back.
        values: { "rating-retsgrundlag": "opfyldt" },
      },
    });
    const ratings = { "rating-retsgrundlag": "opfyldt", "rating-fakta": "opfyldt", "rating-klage": "ikke-opfyldt" };
    expect(await post("assess", { attempt: attemptId, ...ratings })).toMatchObject({ status: 302 });
    expect(await post("assess", { attempt: attemptId, ...ratings })).toMatchObject({ status: 302 });
    expect(await post("assess", { attempt: attemptId, ...ratings, "rating-klage": "opfyldt" })).toMatchObject({
      status: 409,
    });
    expect((await completions(db, learner.id)).has(testBegrundelse.id)).toBe(true);
    const page = await load();
    expect(page.step).toMatchObject({
      kind: "review",
      text: TEXT,
      modelAnswerHtml: "<p>Mønsterbesvarelsen: du får afslag efter serviceloven.</p>",
      trainer: null,
    });
    if (page.step.kind !== "review") throw new Error("expected the review");
    expect(page.step.criteria.map((c) => [c.id, c.self, c.trainer, c.explanationHtml])).toEqual([
      ["retsgrundlag", "opfyldt", null, "<p>FVL § 24, stk. 1.</p>"],
      ["fakta", "opfyldt", null, "<p>FVL § 24, stk. 2.</p>"],
      ["klage", "ikke-opfyldt", null, "<p>FVL § 25.</p>"],
    ]);
    const status = (await begrundelseServer.statuses(db, learner.id, "test"))(testBegrundelse, true);
    expect(status).toEqual({ label: "Vurderet", tone: "done", details: [] });
  });

  test("the trainer's assessment: own cohort's texts only, saved idempotently, shown to the learner with a notice", async () => {
    const [overview] = await cohortBegrundelser(db, course, { id: cohortId, moduleIds: ["test"] });
    expect(overview!.memberCount).toBe(1);
    expect(overview!.texts).toHaveLength(1);
    const text = overview!.texts[0]!;
    expect(text).toMatchObject({ participant: 1, name: "Lise Læring", text: TEXT, review: null, forDiscussion: false });
    expect(await cohortText(db, course, { id: cohortId, moduleIds: ["test"] }, text.attemptId)).not.toBeNull();
    // Not a text of a cohort without the module, nor an unknown attempt.
    expect(await cohortText(db, course, { id: cohortId, moduleIds: [] }, text.attemptId)).toBeNull();
    expect(await cohortText(db, course, { id: cohortId, moduleIds: ["test"] }, crypto.randomUUID())).toBeNull();

    const review = {
      attemptId: text.attemptId,
      learnerId: learner.id,
      activityId: testBegrundelse.id,
      trainerId,
      ratings: { retsgrundlag: "delvist", fakta: "opfyldt", klage: "ikke-opfyldt" } as const,
      comment: "Henvis til stk. 1 og skriv klagefristen.",
    };
    await saveReview(db, review);
    await saveReview(db, review);
    expect(await db.selectFrom("begrundelse_review_ratings").selectAll().execute()).toHaveLength(3);
    const page = await load();
    if (page.step.kind !== "review") throw new Error("expected the review");
    expect(page.step.trainer).toMatchObject({ comment: "Henvis til stk. 1 og skriv klagefristen." });
    expect(page.step.criteria.map((c) => c.trainer)).toEqual(["delvist", "opfyldt", "ikke-opfyldt"]);
    const status = (await begrundelseServer.statuses(db, learner.id, "test"))(testBegrundelse, true);
    expect(status.details).toEqual(["Din underviser har kommenteret din begrundelse"]);

    const [figures] = await cohortBegrundelser(db, course, { id: cohortId, moduleIds: ["test"] });
    expect(figures!.figures[0]).toMatchObject({
      self: { percent: 100 },
      trainer: { percent: 0 },
      agreement: { percent: 0 },
    });
    expect(figures!.higher).toBe("Deltagerne vurderer sig selv højere end du på: Henvisning til retsgrundlaget.");
  });

  test("two trainers saving at once leave one trainer's complete assessment, never a mix", async () => {
    const [overview] = await cohortBegrundelser(db, course, { id: cohortId, moduleIds: ["test"] });
    const attemptId = overview!.texts[0]!.attemptId;
    const base = { attemptId, learnerId: learner.id, activityId: testBegrundelse.id };
    await Promise.all([
      saveReview(db, {
        ...base,
        trainerId,
        ratings: { retsgrundlag: "opfyldt", fakta: "opfyldt", klage: "opfyldt" },
        comment: "A",
      }),
      saveReview(db, {
        ...base,
        trainerId: otherTrainerId,
        ratings: { retsgrundlag: "ikke-opfyldt", fakta: "ikke-opfyldt", klage: "ikke-opfyldt" },
        comment: "B",
      }),
    ]);
    const review = await db.selectFrom("begrundelse_reviews").selectAll().where("attempt_id", "=", attemptId).execute();
    expect(review).toHaveLength(1);
    const ratings = await db
      .selectFrom("begrundelse_review_ratings")
      .select("rating")
      .where("attempt_id", "=", attemptId)
      .execute();
    expect(ratings).toHaveLength(3);
    const expected = review[0]!.comment === "A" ? "opfyldt" : "ikke-opfyldt";
    expect(ratings.every((row) => row.rating === expected)).toBe(true);
    expect(review[0]!.trainer_id).toBe(review[0]!.comment === "A" ? trainerId : otherTrainerId);
  });

  test("marked for discussion once, per cohort, and unmarked", async () => {
    const [overview] = await cohortBegrundelser(db, course, { id: cohortId, moduleIds: ["test"] });
    const mark = { cohortId, attemptId: overview!.texts[0]!.attemptId, learnerId: learner.id, trainerId, on: true };
    await setForDiscussion(db, mark);
    await setForDiscussion(db, mark);
    const marked = await cohortBegrundelser(
      db,
      course,
      { id: cohortId, moduleIds: ["test"] },
      { discussionOnly: true },
    );
    expect(marked[0]!.texts.map((t) => t.forDiscussion)).toEqual([true]);
    await setForDiscussion(db, { ...mark, on: false });
    expect(
      (await cohortBegrundelser(db, course, { id: cohortId, moduleIds: ["test"] }, { discussionOnly: true }))[0]!.texts,
    ).toEqual([]);
    await setForDiscussion(db, mark);
  });

  test("the export's columns: submitted, and criteria met by the learner's and the trainer's rating", async () => {
    const members = sql`(select user_id from cohort_members where cohort_id = ${cohortId})`;
    const columns = await begrundelseServer.exportColumns!(db, members, [testBegrundelse]);
    expect(columns.map((column) => [column.header, column.cell(learner.id), column.cell(trainerId)])).toEqual([
      ["Skriv begrundelsen: Afslag: indsendt", "ja", "nej"],
      ["Skriv begrundelsen: Afslag: selvvurdering (kriterier opfyldt)", "2 af 3", ""],
      [
        "Skriv begrundelsen: Afslag: underviserens vurdering (kriterier opfyldt)",
        expect.stringMatching(/^(0|3) af 3$/),
        "",
      ],
    ]);
  });

  test("'Prøv igen' starts one new attempt, optionally from the last text; every attempt is kept", async () => {
    const [a, b] = await Promise.all([post("again", { prefill: "1" }), post("again", { prefill: "1" })]);
    expect([a.status, b.status]).toEqual([302, 302]);
    const page = await load();
    expect(page.step).toMatchObject({ kind: "writing", number: 2, text: TEXT });
    expect(page.earlier).toEqual([
      expect.objectContaining({
        number: 1,
        text: TEXT,
        self: "2 af 3 kriterier opfyldt",
        trainerComment: expect.any(String),
      }),
    ]);
    expect(
      await db.selectFrom("begrundelse_attempts").select("number").where("user_id", "=", learner.id).execute(),
    ).toHaveLength(2);
    // A submitted text not yet self-assessed blocks a further attempt.
    const { attemptId } = page.step as { attemptId: string };
    await post("submit", { attempt: attemptId, text: `${TEXT} Forbedret.` });
    expect(await post("again", {})).toMatchObject({
      status: 409,
      data: { formId: "begrundelse.again", error: "Vurdér din tekst, før du starter et nyt forsøg." },
    });
    // The trainer now sees the newest text, not yet assessed.
    const [overview] = await cohortBegrundelser(db, course, { id: cohortId, moduleIds: ["test"] });
    expect(overview!.texts.map((t) => [t.attemptNumber, t.review])).toEqual([[2, null]]);
  });

  test("a learner's texts and ratings are in their data export and removed with their learning data, nobody else's", async () => {
    const other = sessionUser(await createTestUser(db));
    await post("draft", { attempt: "", text: "Den andens kladde." }, other);
    const exported = await exportUserData(db, learner.id);
    expect(JSON.stringify(exported)).toContain(TEXT);
    expect(exported!.tables.begrundelse_attempts).toHaveLength(2);
    expect(exported!.tables.begrundelse_self_ratings).toHaveLength(3);
    expect(exported!.tables.begrundelse_reviews).toHaveLength(1);
    // The trainer's export holds the assessment they wrote.
    const trainerExport = await exportUserData(
      db,
      review0Trainer(await db.selectFrom("begrundelse_reviews").select("trainer_id").executeTakeFirstOrThrow()),
    );
    expect(trainerExport!.tables.begrundelse_reviews).toHaveLength(1);
    const deleted = await deleteLearningData(db, learner.id);
    expect(deleted).toMatchObject({
      begrundelse_attempts: 2,
      begrundelse_self_ratings: 3,
      begrundelse_reviews: 1,
      begrundelse_review_ratings: 3,
      begrundelse_discussions: 1,
    });
    expect((await load()).step).toMatchObject({ kind: "writing", attemptId: null, text: "" });
    expect((await load(other)).step).toMatchObject({ text: "Den andens kladde." });
  });
});

const review0Trainer = (row: { trainer_id: string | null }) => row.trainer_id!;
