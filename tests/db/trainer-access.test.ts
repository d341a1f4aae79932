import { sql } from "kysely";
/**
 * Who may open which trainer and admin route: every route × every role, including a trainer
 * probing another trainer's cohort, and the CSV export. Loaders and actions are called directly
 * with a Request, as Remix would.
 */
import type { Role } from "../../app/auth/roles";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createSession, getSessionUser } from "../../app/auth/session.server";
import { useCourseForTests } from "../../app/content/content.server";
import { useDatabase } from "../../app/db/database.server";
import { action as adminAction, loader as adminLoader } from "../../app/routes/admin._index";
import { action as userAction } from "../../app/routes/admin.brugere.$userId";
import { loader as trainerLoader } from "../../app/routes/underviser._index";
import { action as newCohortAction, loader as newCohortLoader } from "../../app/routes/underviser.hold.ny";
import { loader as dashboardLoader } from "../../app/routes/underviser.hold.$cohortId._index";
import { loader as csvLoader } from "../../app/routes/underviser.hold.$cohortId.eksport[.]csv";
import {
  action as settingsAction,
  loader as settingsLoader,
} from "../../app/routes/underviser.hold.$cohortId.indstillinger";
import { action as joinAction } from "../../app/routes/tilmeld._index";
import { replyMessages, type FormReply } from "../../app/forms/reply";
import { createCohort } from "../../app/trainer/cohorts.server";
import { createTestUser, requestWithCookie } from "../factories";
import { trainerCourse } from "../activity-fixtures";
import { engines, freshDatabase, type TestDatabase } from "./engines";
import { EVERYONE, routeOutcome, statusOf, type Who } from "./route-call";

describe.each(engines)("trainer and admin routes on %s", (engine) => {
  let handle: TestDatabase;
  const cookies = new Map<Who, string>();
  const ids = new Map<Who, string>();
  let cohortId = "";

  beforeAll(async () => {
    handle = await freshDatabase(engine);
    useDatabase(handle);
    useCourseForTests(trainerCourse);
    const org = await handle.db
      .insertInto("organisations")
      .values({ name: "Egeby Kommune" })
      .returning("id")
      .executeTakeFirstOrThrow();
    // Everyone works in the cohorts' kommune: a trainer can only add colleagues from there.
    for (const who of EVERYONE) {
      if (who === "anonymous") continue;
      const role = who === "other-trainer" ? "trainer" : who;
      const user = await createTestUser(handle.db, { role, organisationId: org.id });
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
    // The other trainer has a cohort of their own.
    await createCohort(handle.db, {
      name: "Hold B",
      organisationId: org.id,
      startsOn: "2026-01-01",
      endsOn: "2099-12-31",
      modules: ["test"],
      trainerId: ids.get("other-trainer")!,
    });
  });
  afterAll(async () => {
    useCourseForTests(undefined);
    await handle.close();
  });

  const request = (who: Who, path: string, init: RequestInit = {}) => {
    const url = `http://localhost${path}`;
    return who === "anonymous" ? new Request(url, init) : requestWithCookie(cookies.get(who)!, url, init);
  };
  const post = (who: Who, path: string, fields: Record<string, string | string[]>) => {
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v);
    return request(who, path, {
      method: "POST",
      body,
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
  };
  const joinCodeOf = async (id: string) =>
    (await handle.db.selectFrom("cohorts").select("join_code").where("id", "=", id).executeTakeFirstOrThrow())
      .join_code;
  const emailOf = async (id: string) =>
    (await handle.db.selectFrom("users").select("email").where("id", "=", id).executeTakeFirstOrThrow()).email;
  const args = (req: Request, params: Record<string, string> = {}) => ({ request: req, params, context: {} });

  const expected = {
    trainerList: { anonymous: 302, learner: 403, author: 403, trainer: 200, "other-trainer": 200, admin: 200 },
    ownCohort: { anonymous: 302, learner: 403, author: 403, trainer: 200, "other-trainer": 403, admin: 200 },
    adminOnly: { anonymous: 302, learner: 403, author: 403, trainer: 403, "other-trainer": 403, admin: 200 },
  } satisfies Record<string, Record<Who, number>>;

  test.each(EVERYONE)("/underviser and /underviser/hold/ny as %s", async (who) => {
    expect(await statusOf(() => trainerLoader(args(request(who, "/underviser"))))).toBe(expected.trainerList[who]);
    expect(await statusOf(() => newCohortLoader(args(request(who, "/underviser/hold/ny"))))).toBe(
      expected.trainerList[who],
    );
  });

  test.each(EVERYONE)(
    "the cohort dashboard and its CSV as %s (only the cohort's own trainer and administrators)",
    async (who) => {
      const path = `/underviser/hold/${cohortId}`;
      expect(await statusOf(() => dashboardLoader(args(request(who, path), { cohortId })))).toBe(
        expected.ownCohort[who],
      );
      expect(await statusOf(() => csvLoader(args(request(who, `${path}/eksport.csv`), { cohortId })))).toBe(
        expected.ownCohort[who],
      );
    },
  );

  test.each(EVERYONE)(
    "the cohort's settings as %s: page and a new join code (only its own trainer and administrators)",
    async (who) => {
      const path = `/underviser/hold/${cohortId}/indstillinger`;
      const codeBefore = await joinCodeOf(cohortId);
      expect(await statusOf(() => settingsLoader(args(request(who, path), { cohortId })))).toBe(
        expected.ownCohort[who],
      );
      expect(
        await statusOf(() =>
          settingsAction(args(post(who, path, { intent: "renew-code", bekraeft: "ja" }), { cohortId })),
        ),
      ).toBe(expected.ownCohort[who]);
      expect((await joinCodeOf(cohortId)) !== codeBefore).toBe(expected.ownCohort[who] === 200);
    },
  );

  test("the cohort's settings refuse bad input in Danish and change nothing", async () => {
    const path = `/underviser/hold/${cohortId}/indstillinger`;
    const send = async (fields: Record<string, string>) => {
      const reply = (await settingsAction(args(post("trainer", path, fields), { cohortId }))) as unknown as {
        data: FormReply;
        init: { status: number };
      };
      return { ...reply, data: replyMessages(reply.data) };
    };
    const badEmail = await send({ intent: "add-trainer", email: "ikke en adresse" });
    expect(badEmail.init.status).toBe(400);
    expect(badEmail.data.errors.email).toBe("Skriv en gyldig e-mailadresse.");
    const unknownIntent = await send({ intent: "slet-alt" });
    expect(unknownIntent.init.status).toBe(400);
    expect(unknownIntent.data.formError).toBe("Ændringen er ikke gemt.");
    const lastTrainer = await send({ intent: "remove-trainer", userId: ids.get("trainer")! });
    expect(lastTrainer.init.status).toBe(400);
    expect(lastTrainer.data.formError).toMatch(/^Holdet skal have mindst én underviser/);
    const learnerAsTrainer = await send({ intent: "add-trainer", email: await emailOf(ids.get("learner")!) });
    expect(learnerAsTrainer.data.errors.email).toMatch(/kan ikke tilføjes som underviser\./);
    const trainers = await handle.db
      .selectFrom("cohort_trainers")
      .select("user_id")
      .where("cohort_id", "=", cohortId)
      .execute();
    expect(trainers.map((t) => t.user_id)).toEqual([ids.get("trainer")]);
  });

  test("a trainer who removes themselves after adding a colleague is sent back to their own cohorts", async () => {
    const org = await handle.db.selectFrom("organisations").select("id").executeTakeFirstOrThrow();
    const cohort = await createCohort(handle.db, {
      name: "Hold C",
      organisationId: org.id,
      startsOn: "2026-01-01",
      endsOn: "2099-12-31",
      modules: ["test"],
      trainerId: ids.get("trainer")!,
    });
    const path = `/underviser/hold/${cohort.id}/indstillinger`;
    const params = { cohortId: cohort.id };
    const colleagueEmail = await emailOf(ids.get("other-trainer")!);
    expect(
      await statusOf(() =>
        settingsAction(args(post("trainer", path, { intent: "add-trainer", email: colleagueEmail }), params)),
      ),
    ).toBe(200);
    // Removing oneself is asked first: without the confirmation nothing changes.
    const asked = (await settingsAction(
      args(post("trainer", path, { intent: "remove-trainer", userId: ids.get("trainer")! }), params),
    )) as unknown as { data: { confirm: { intent: string; self: boolean } } };
    expect(asked.data.confirm).toMatchObject({ intent: "remove-trainer", self: true });
    expect(await statusOf(() => settingsLoader(args(request("trainer", path), params)))).toBe(200);
    const leaving = await settingsAction(
      args(post("trainer", path, { intent: "remove-trainer", userId: ids.get("trainer")!, bekraeft: "ja" }), params),
    ).catch((thrown: unknown) => thrown);
    expect(leaving instanceof Response && leaving.headers.get("Location")).toBe("/underviser");
    expect(await statusOf(() => settingsLoader(args(request("trainer", path), params)))).toBe(403);
    expect(
      await statusOf(() => dashboardLoader(args(request("other-trainer", `/underviser/hold/${cohort.id}`), params))),
    ).toBe(200);
  });

  test.each(EVERYONE)("/admin as %s, page and actions", async (who) => {
    expect(await statusOf(() => adminLoader(args(request(who, "/admin"))))).toBe(expected.adminOnly[who]);
    const status = await statusOf(() =>
      adminAction(args(post(who, "/admin", { intent: "create-organisation", organisationName: `Kommune ${who}` }))),
    );
    expect(status).toBe(expected.adminOnly[who]);
  });

  test("a learner may not create a cohort; a trainer's bad input is refused in Danish and creates nothing", async () => {
    const countCohorts = async () =>
      Number(
        (
          await handle.db
            .selectFrom("cohorts")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await countCohorts();
    const fields = {
      name: "Nyt hold",
      organisationId: "not-a-uuid",
      startsOn: "2026-02-01",
      endsOn: "2026-01-01",
      modules: ["kladde"],
    };
    expect(await statusOf(() => newCohortAction(args(post("learner", "/underviser/hold/ny", fields))))).toBe(403);
    const refused = (await newCohortAction(args(post("trainer", "/underviser/hold/ny", fields)))) as unknown as {
      data: FormReply;
      init: { status: number };
    };
    expect(refused.init.status).toBe(400);
    expect(replyMessages(refused.data).errors).toMatchObject({
      organisationId: "Vælg en kommune.",
      modules: "Vælg kun blandt de viste moduler.",
    });
    expect(await countCohorts()).toBe(before);
  });

  test("the dashboard of an unknown cohort is 404 for an administrator, 403 for a trainer; a malformed id is 404", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(
      await statusOf(() =>
        dashboardLoader(args(request("admin", `/underviser/hold/${unknown}`), { cohortId: unknown })),
      ),
    ).toBe(404);
    expect(
      await statusOf(() =>
        dashboardLoader(args(request("trainer", `/underviser/hold/${unknown}`), { cohortId: unknown })),
      ),
    ).toBe(403);
    expect(
      await statusOf(() => dashboardLoader(args(request("trainer", "/underviser/hold/x"), { cohortId: "x" }))),
    ).toBe(404);
  });

  test("joining: a wrong code is refused with a Danish message", async () => {
    const wrong = await routeOutcome(() => joinAction(args(post("learner", "/tilmeld", { code: "ZZZZ-ZZZZ" }))));
    expect(wrong.status).toBe(400);
    expect(replyMessages(wrong.body as FormReply).errors.code).toMatch(/^Der findes intet hold med den kode/);
    expect(await statusOf(() => joinAction(args(post("anonymous", "/tilmeld", { code: "ZZZZ-ZZZZ" }))))).toBe(302);
  });

  test("an administrator deactivates a user: their sessions end at once; an administrator cannot deactivate themselves", async () => {
    const victim = await createTestUser(handle.db);
    const cookie = await createSession(handle.db, victim.id);
    expect(await getSessionUser(handle.db, requestWithCookie(cookie))).not.toBeNull();
    const onUserPage = (who: Who, userId: string, fields: Record<string, string>) =>
      statusOf(() => userAction(args(post(who, `/admin/brugere/${userId}`, fields), { userId })));
    expect(await onUserPage("admin", victim.id, { intent: "set-active", active: "false" })).toBe(200);
    expect(await handle.db.selectFrom("sessions").select("id").where("user_id", "=", victim.id).execute()).toEqual([]);
    expect(await getSessionUser(handle.db, requestWithCookie(cookie))).toBeNull();

    const edit = (role: Role) => ({
      intent: "edit-user",
      name: victim.name,
      email: victim.email,
      role,
      organisationId: "",
    });
    expect(await onUserPage("trainer", victim.id, edit("admin"))).toBe(403);
    expect(await onUserPage("admin", victim.id, edit("trainer"))).toBe(200);
    const changed = await handle.db
      .selectFrom("users")
      .select(["role", "active"])
      .where("id", "=", victim.id)
      .executeTakeFirstOrThrow();
    expect(changed).toEqual({ role: "trainer", active: false });

    const admin = await handle.db
      .selectFrom("users")
      .select(["name", "email"])
      .where("id", "=", ids.get("admin")!)
      .executeTakeFirstOrThrow();
    expect(await onUserPage("admin", ids.get("admin")!, { intent: "set-active", active: "false" })).toBe(400);
    expect(
      await onUserPage("admin", ids.get("admin")!, {
        intent: "edit-user",
        ...admin,
        role: "learner",
        organisationId: "",
      }),
    ).toBe(400);
  });

  /** An /admin action's answer, its reply's messages as the page shows them (issue 18). */
  const reply = (answer: unknown) => {
    const { data, init } = answer as { data: FormReply; init?: { status: number } | null };
    return { data: { ...replyMessages(data), message: data.message }, init: init ?? undefined };
  };

  test("an administrator renames a kommune; a taken or empty name is refused in Danish; others may not", async () => {
    const org = await handle.db
      .insertInto("organisations")
      .values({ name: "Nordby Kommune" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const rename = (who: Who, newName: string) =>
      adminAction(args(post(who, "/admin", { intent: "rename-organisation", organisationId: org.id, newName }))).then(
        (answer) => reply(answer),
      );
    const nameOf = async () =>
      (await handle.db.selectFrom("organisations").select("name").where("id", "=", org.id).executeTakeFirstOrThrow())
        .name;

    expect(await statusOf(() => rename("trainer", "Trænerby Kommune"))).toBe(403);
    const taken = await rename("admin", "Egeby Kommune");
    expect(taken.init?.status).toBe(400);
    expect(taken.data.formError).toBe("Der findes allerede en kommune med navnet „Egeby Kommune“.");
    const empty = await rename("admin", "  ");
    expect(empty.data.errors?.newName).toBe("Skriv kommunens navn.");
    expect(await nameOf()).toBe("Nordby Kommune");

    const renamed = await rename("admin", " Nordby-Sønderby Kommune ");
    expect(renamed.data.message).toBe("Kommunen hedder nu „Nordby-Sønderby Kommune“.");
    expect(await nameOf()).toBe("Nordby-Sønderby Kommune");
  });

  test("a kommune name that differs from an existing one only by case or spaces is refused in Danish, not a 500", async () => {
    const create = (organisationName: string) =>
      adminAction(args(post("admin", "/admin", { intent: "create-organisation", organisationName }))).then((answer) =>
        reply(answer),
      );
    const refused = await create("  egeby KOMMUNE ");
    expect(refused.init?.status).toBe(400);
    expect(refused.data.formError).toBe("Der findes allerede en kommune med navnet „egeby KOMMUNE“.");
    const count = await handle.db
      .selectFrom("organisations")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where(sql<string>`lower(name)`, "=", "egeby kommune")
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  test("an administrator deletes an unused kommune; one with users or cohorts is refused in Danish and stays", async () => {
    const remove = (who: Who, organisationId: string) =>
      adminAction(args(post(who, "/admin", { intent: "delete-organisation", organisationId }))).then((answer) =>
        reply(answer),
      );
    const exists = async (id: string) =>
      (await handle.db.selectFrom("organisations").select("id").where("id", "=", id).executeTakeFirst()) !== undefined;

    const unused = await handle.db
      .insertInto("organisations")
      .values({ name: "Fejloprettet Kommune" })
      .returning("id")
      .executeTakeFirstOrThrow();
    expect(await statusOf(() => remove("trainer", unused.id))).toBe(403);
    expect(await exists(unused.id)).toBe(true);
    expect((await remove("admin", unused.id)).data.message).toBe("Kommunen „Fejloprettet Kommune“ er slettet.");
    expect(await exists(unused.id)).toBe(false);
    expect((await remove("admin", unused.id)).data.formError).toBe("Kommunen findes ikke.");

    // Egeby Kommune has the cohorts of this file and no users.
    const egeby = await handle.db
      .selectFrom("organisations")
      .select("id")
      .where("name", "=", "Egeby Kommune")
      .executeTakeFirstOrThrow();
    const refused = await remove("admin", egeby.id);
    expect(refused.init?.status).toBe(400);
    expect(refused.data.formError).toMatch(
      /^Kommunen „Egeby Kommune“ har \d+ brugere og \d+ hold og kan derfor ikke slettes\. Omdøb den i stedet\.$/,
    );
    expect(await exists(egeby.id)).toBe(true);
  });

  test("the administrator's user list searches name and e-mail, with % and _ taken literally", async () => {
    await createTestUser(handle.db, { name: "Søren 100% Sørensen" });
    const search = async (q: string) => {
      const page = (await adminLoader(args(request("admin", `/admin?q=${encodeURIComponent(q)}`)))) as {
        users: { name: string }[];
      };
      return page.users.map((u) => u.name);
    };
    expect(await search("søren 100%")).toEqual(["Søren 100% Sørensen"]);
    expect(await search("_")).toEqual([]);
    expect((await search("")).length).toBeGreaterThan(5);
  });
});
