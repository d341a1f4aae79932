/**
 * Who may read and assess a cohort's begrundelser: the routes under
 * /underviser/hold/<id>/begrundelser, every role, including a trainer of another cohort, called
 * as Remix would. Texts are personal data: only the cohort's trainers and administrators get them;
 * the printed view never names anyone; the trainer's post is zod-checked and idempotent.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { begrundelseServer } from "../../app/activities/begrundelse/begrundelse.server";
import { createSession } from "../../app/auth/session.server";
import { useCourseForTests } from "../../app/content/content.server";
import type { CompiledCourse } from "../../app/content/types";
import { useDatabase } from "../../app/db/database.server";
import { replyMessages, type FormReply } from "../../app/forms/reply";
import { loader as overviewLoader } from "../../app/routes/underviser.hold.$cohortId.begrundelser._index";
import {
  action as textAction,
  loader as textLoader,
} from "../../app/routes/underviser.hold.$cohortId.begrundelser.$attemptId";
import { loader as printLoader } from "../../app/routes/underviser.hold.$cohortId.begrundelser.print";
import { loader as dashboardLoader } from "../../app/routes/underviser.hold.$cohortId._index";
import { loader as authorLoader } from "../../app/routes/forfatter.begrundelse.$activityId";
import { createCohort } from "../../app/trainer/cohorts.server";
import { testBegrundelse, trainerCourse } from "../activity-fixtures";
import { createTestUser, requestWithCookie } from "../factories";
import { engines, freshDatabase, type TestDatabase } from "./engines";
import { EVERYONE, routeOutcome as outcome, type Who } from "./route-call";

const OWN_COHORT = { anonymous: 302, learner: 403, author: 403, trainer: 200, "other-trainer": 403, admin: 200 };

const course: CompiledCourse = {
  ...trainerCourse,
  modules: [{ ...trainerCourse.modules[0]!, activities: [...trainerCourse.modules[0]!.activities, testBegrundelse] }],
};
const TEXT = "Du får afslag, fordi lægeerklæringen af 20. marts viser, at du kan gå 150 meter med rollator.";

describe.each(engines)("the trainer's begrundelse pages on %s", (engine) => {
  let handle: TestDatabase;
  const cookies = new Map<Who, string>();
  const ids = new Map<Who, string>();
  let cohortId = "";
  let attemptId = "";

  beforeAll(async () => {
    handle = await freshDatabase(engine);
    useDatabase(handle);
    useCourseForTests(course);
    const org = await handle.db
      .insertInto("organisations")
      .values({ name: "Egeby Kommune" })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const who of EVERYONE) {
      if (who === "anonymous") continue;
      const user = await createTestUser(handle.db, {
        role: who === "other-trainer" ? "trainer" : who,
        organisationId: org.id,
        name: who === "learner" ? "Lise Læring" : undefined,
      });
      ids.set(who, user.id);
      cookies.set(who, await createSession(handle.db, user.id));
    }
    const cohort = await createCohort(handle.db, {
      name: "Hold A",
      organisationId: org.id,
      startsOn: "2026-01-01",
      endsOn: "2099-12-31",
      modules: ["test"],
      trainerId: ids.get("trainer")!,
    });
    cohortId = cohort.id;
    await createCohort(handle.db, {
      name: "Hold B",
      organisationId: org.id,
      startsOn: "2026-01-01",
      endsOn: "2099-12-31",
      modules: ["test"],
      trainerId: ids.get("other-trainer")!,
    });
    await handle.db
      .insertInto("cohort_members")
      .values({ cohort_id: cohortId, user_id: ids.get("learner")! })
      .execute();
    // The learner writes, submits and rates their text.
    const learner = { id: ids.get("learner")!, name: "Lise Læring", email: "", role: "learner" } as never;
    const request = {
      db: handle.db,
      user: learner,
      module: course.modules[0]!,
      activity: testBegrundelse,
      url: new URL("http://localhost/"),
      here: "/",
    };
    const form = (fields: Record<string, string>) => {
      const body = new FormData();
      for (const [key, value] of Object.entries(fields)) body.append(key, value);
      return body;
    };
    await begrundelseServer.intents.submit!(request, form({ attempt: "", text: TEXT }));
    attemptId = (await handle.db.selectFrom("begrundelse_attempts").select("id").executeTakeFirstOrThrow()).id;
    await begrundelseServer.intents.assess!(
      request,
      form({
        attempt: attemptId,
        "rating-retsgrundlag": "opfyldt",
        "rating-fakta": "opfyldt",
        "rating-klage": "opfyldt",
      }),
    );
  });
  afterAll(async () => {
    useCourseForTests(undefined);
    await handle.close();
  });

  const request = (who: Who, path: string, init: RequestInit = {}) => {
    const url = `http://localhost${path}`;
    return who === "anonymous" ? new Request(url, init) : requestWithCookie(cookies.get(who)!, url, init);
  };
  const post = (who: Who, path: string, fields: Record<string, string>) =>
    request(who, path, {
      method: "POST",
      body: new URLSearchParams(fields),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
  const args = (req: Request, params: Record<string, string>) => ({ request: req, params, context: {} });
  const base = () => `/underviser/hold/${cohortId}/begrundelser`;

  test.each(EVERYONE)("the overview, a text and the printed view as %s", async (who) => {
    const params = { cohortId, attemptId };
    expect((await outcome(() => overviewLoader(args(request(who, base()), params)))).status).toBe(OWN_COHORT[who]);
    expect((await outcome(() => printLoader(args(request(who, `${base()}/print`), params)))).status).toBe(
      OWN_COHORT[who],
    );
    const text = await outcome(() => textLoader(args(request(who, `${base()}/${attemptId}`), params)));
    expect(text.status).toBe(OWN_COHORT[who]);
    if (text.status === 200) {
      expect(JSON.stringify(text.body)).toContain(TEXT);
      expect(JSON.stringify(text.body)).not.toContain("Lise Læring");
    }
  });

  test("names only when asked for; a text of another cohort, or no text, is not found", async () => {
    const named = await outcome(() => overviewLoader(args(request("trainer", `${base()}?navne=1`), { cohortId })));
    expect(JSON.stringify(named.body)).toContain("Deltager 1 (Lise Læring)");
    const anonymous = await outcome(() => overviewLoader(args(request("trainer", base()), { cohortId })));
    expect(JSON.stringify(anonymous.body)).toContain("Deltager 1");
    expect(JSON.stringify(anonymous.body)).not.toContain("Lise Læring");
    for (const attempt of [crypto.randomUUID(), "ikke-et-id"]) {
      expect(
        (
          await outcome(() =>
            textLoader(args(request("trainer", `${base()}/${attempt}`), { cohortId, attemptId: attempt })),
          )
        ).status,
      ).toBe(404);
    }
  });

  test.each(EVERYONE)(
    "assessing and marking a text as %s: only the cohort's trainers and administrators",
    async (who) => {
      const path = `${base()}/${attemptId}`;
      const fields = {
        intent: "review",
        "rating-retsgrundlag": "delvist",
        "rating-fakta": "opfyldt",
        "rating-klage": "ikke-opfyldt",
        comment: "Skriv klagefristen.",
      };
      const expected = { ...OWN_COHORT, trainer: 302, admin: 302 }[who];
      expect((await outcome(() => textAction(args(post(who, path, fields), { cohortId, attemptId })))).status).toBe(
        expected,
      );
      expect(
        (
          await outcome(() =>
            textAction(args(post(who, path, { intent: "discussion", on: "1" }), { cohortId, attemptId })),
          )
        ).status,
      ).toBe(expected);
    },
  );

  test("the trainer's post is checked: every criterion, a value on the scale, a comment within bounds; nothing changes otherwise", async () => {
    const path = `${base()}/${attemptId}`;
    const send = async (fields: Record<string, string>) => {
      const { status, body } = await outcome(() =>
        textAction(args(post("trainer", path, fields), { cohortId, attemptId })),
      );
      return { status, body: body ? replyMessages(body as FormReply) : body };
    };
    const before = await handle.db
      .selectFrom("begrundelse_review_ratings")
      .selectAll()
      .orderBy("criterion_id")
      .execute();
    expect(await send({ intent: "review", "rating-retsgrundlag": "opfyldt", comment: "" })).toMatchObject({
      status: 400,
      body: { formError: "Vurdér alle kriterier, før du gemmer: 2 kriterier mangler." },
    });
    expect(
      await send({
        intent: "review",
        "rating-retsgrundlag": "fremragende",
        "rating-fakta": "opfyldt",
        "rating-klage": "opfyldt",
        comment: "",
      }),
    ).toMatchObject({ status: 400, body: { formError: "Vurderingen skal være Opfyldt, Delvist eller Ikke opfyldt." } });
    expect(
      await send({
        intent: "review",
        "rating-retsgrundlag": "opfyldt",
        "rating-fakta": "opfyldt",
        "rating-klage": "opfyldt",
        comment: "x".repeat(2001),
      }),
    ).toMatchObject({ status: 400, body: { errors: { comment: "Kommentaren må højst være 2000 tegn." } } });
    expect(await send({ intent: "slet" })).toMatchObject({ status: 400 });
    expect(
      await handle.db.selectFrom("begrundelse_review_ratings").selectAll().orderBy("criterion_id").execute(),
    ).toEqual(before);
  });

  test("the cohort page counts the texts, the printed view lists the marked one without a name", async () => {
    const dashboard = (
      await outcome(() => dashboardLoader(args(request("trainer", `/underviser/hold/${cohortId}`), { cohortId })))
    ).body as {
      begrundelser: { submitted: number; memberCount: number; texts: { who: string }[] }[];
    };
    expect(dashboard.begrundelser).toEqual([
      expect.objectContaining({
        submitted: 1,
        memberCount: 1,
        texts: [expect.objectContaining({ who: "Deltager 1" })],
      }),
    ]);
    const printed = await outcome(() => printLoader(args(request("trainer", `${base()}/print?navne=1`), { cohortId })));
    const json = JSON.stringify(printed.body);
    expect(json).toContain(TEXT);
    expect(json).toContain("Deltager 1");
    expect(json).toContain("Henvisning til retsgrundlaget");
    expect(json).not.toContain("Lise Læring");
  });

  test.each(EVERYONE)(
    "the author's page with the criteria and the model answer as %s: authors and administrators only",
    async (who) => {
      const params = { activityId: testBegrundelse.id };
      const result = await outcome(() =>
        authorLoader(args(request(who, `/forfatter/begrundelse/${testBegrundelse.id}`), params)),
      );
      const expected = { anonymous: 302, learner: 403, author: 200, trainer: 403, "other-trainer": 403, admin: 200 }[
        who
      ];
      expect(result.status).toBe(expected);
      if (result.status === 200) expect(JSON.stringify(result.body)).toContain("Mønsterbesvarelsen");
    },
  );
});
