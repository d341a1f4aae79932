/**
 * The administrator's user list and a user's page (issue 16, item 6), a trainer's invitations to
 * their own cohort (item 3) and a user's own data download (item 4), through the routes' loaders
 * and actions as Remix calls them. Mail goes through a real SMTP server started here. Both engines.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createSession } from "../../app/auth/session.server";
import { useCourseForTests } from "../../app/content/content.server";
import { useDatabase } from "../../app/db/database.server";
import { replyMessages, type FormReply } from "../../app/forms/reply";
import { action as adminAction, loader as adminLoader } from "../../app/routes/admin._index";
import { action as userAction, loader as userLoader } from "../../app/routes/admin.brugere.$userId";
import { loader as myDataLoader } from "../../app/routes/min-konto.data[.]json";
import {
  action as settingsAction,
  loader as settingsLoader,
} from "../../app/routes/underviser.hold.$cohortId.indstillinger";
import { createCohort } from "../../app/trainer/cohorts.server";
import { acceptInvitation, findInvitation } from "../../app/users/invitations.server";
import { trainerCourse } from "../activity-fixtures";
import { createTestUser, requestWithCookie } from "../factories";
import { linkIn, useTestSmtpServer } from "../smtp-server";
import { engines, freshDatabase, type TestDatabase } from "./engines";

const APP_URL = "http://sagslab.egeby.test";
const mailbox = useTestSmtpServer({ APP_URL });

/** The answer of an action that serves a form (issue 18): its reply, and the messages as the page shows them. */
type Answer = { data: FormReply; init?: { status?: number } | null };
const messagesOf = (answer: Answer) => replyMessages(answer.data);
const confirmed = (message: unknown) => ({ result: { status: "success" }, message });

describe.each(engines)("users and invitations on %s", (engine) => {
  let handle: TestDatabase;
  let egeby = "";
  let nordby = "";
  let adminId = "";
  let adminCookie = "";
  let trainerCookie = "";
  let otherTrainerCookie = "";
  let cohortId = "";

  beforeAll(async () => {
    handle = await freshDatabase(engine);
    useDatabase(handle);
    useCourseForTests(trainerCourse);
    const organisation = (name: string) =>
      handle.db.insertInto("organisations").values({ name }).returning("id").executeTakeFirstOrThrow();
    egeby = (await organisation("Egeby Kommune")).id;
    nordby = (await organisation("Nordby Kommune")).id;
    const admin = await createTestUser(handle.db, { role: "admin", name: "Anna Admin", organisationId: egeby });
    adminId = admin.id;
    adminCookie = await createSession(handle.db, admin.id);
    const trainer = await createTestUser(handle.db, {
      role: "trainer",
      name: "Ulla Underviser",
      organisationId: egeby,
    });
    trainerCookie = await createSession(handle.db, trainer.id);
    const other = await createTestUser(handle.db, { role: "trainer", name: "Otto Underviser", organisationId: egeby });
    otherTrainerCookie = await createSession(handle.db, other.id);
    cohortId = (
      await createCohort(handle.db, {
        name: "Hold A – foråret",
        organisationId: egeby,
        startsOn: "2026-01-01",
        endsOn: "2099-12-31",
        modules: ["test"],
        trainerId: trainer.id,
      })
    ).id;
  });
  afterAll(async () => {
    useCourseForTests(undefined);
    await handle.close();
  });

  const get = (cookie: string, path: string) => requestWithCookie(cookie, `http://localhost${path}`);
  const post = (cookie: string, path: string, fields: Record<string, string>) =>
    requestWithCookie(cookie, `http://localhost${path}`, {
      method: "POST",
      body: new URLSearchParams(fields),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
  const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });
  const list = async (query = "") =>
    (await adminLoader(args(get(adminCookie, `/admin${query}`)))) as {
      users: { name: string; email: string; role: string; active: boolean; organisation: string | null }[];
      total: number;
      page: number;
      pages: number;
      first: number;
    };
  const onUserPage = async (userId: string, fields: Record<string, string>) =>
    (await userAction(args(post(adminCookie, `/admin/brugere/${userId}`, fields), { userId }))) as unknown as Answer;
  const userRow = (id: string) =>
    handle.db
      .selectFrom("users")
      .select(["name", "email", "role", "organisation_id", "active", "password_hash"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
  const auditActions = async (subjectUserId: string) =>
    (
      await handle.db
        .selectFrom("audit_log")
        .select("action")
        .where("subject_user_id", "=", subjectUserId)
        .orderBy("at")
        .orderBy("id")
        .execute()
    ).map((entry) => entry.action);

  test("the user list is paged 50 at a time and filtered by role, kommune, status and text", async () => {
    // 117 more users (3 pages with the 3 above), in one insert: hashing 117 passwords takes long.
    await handle.db
      .insertInto("users")
      .values(
        Array.from({ length: 117 }, (_, i) => {
          const n = String(i).padStart(3, "0");
          return {
            name: `Sagsbehandler ${n}`,
            email: `sb${n}@nordby.dk`,
            organisation_id: i % 3 === 0 ? nordby : i % 3 === 1 ? egeby : null,
            role: i % 10 === 0 ? ("author" as const) : ("learner" as const),
            password_hash: null,
          };
        }),
      )
      .execute();
    await handle.db.updateTable("users").set({ active: false }).where("email", "in", ["sb001@nordby.dk"]).execute();

    const first = await list();
    expect(first).toMatchObject({ total: 120, page: 1, pages: 3, first: 1 });
    expect(first.users).toHaveLength(50);
    const third = await list("?side=3");
    expect(third).toMatchObject({ page: 3, first: 101 });
    expect(third.users).toHaveLength(20);
    // A page past the end shows the last one; a page that is not a number shows the first.
    expect((await list("?side=99")).page).toBe(3);
    expect((await list("?side=abc")).page).toBe(1);
    const everyone = [...first.users, ...(await list("?side=2")).users, ...third.users].map((u) => u.email);
    expect(new Set(everyone).size).toBe(120);

    const authors = await list("?rolle=author");
    expect(authors.total).toBe(12);
    expect(authors.users.every((u) => u.role === "author")).toBe(true);
    const inNordby = await list(`?kommune=${nordby}`);
    expect(inNordby.total).toBe(39);
    expect(inNordby.users.every((u) => u.organisation === "Nordby Kommune")).toBe(true);
    expect((await list("?kommune=ingen")).total).toBe(39);
    expect((await list(`?kommune=${nordby}&rolle=author`)).total).toBe(4);
    const deactivated = await list("?status=deaktiverede");
    expect(deactivated.users.map((u) => u.email)).toEqual(["sb001@nordby.dk"]);
    expect((await list("?status=aktive")).total).toBe(119);
    expect((await list("?q=SB11")).users.map((u) => u.email)).toEqual([
      "sb110@nordby.dk",
      "sb111@nordby.dk",
      "sb112@nordby.dk",
      "sb113@nordby.dk",
      "sb114@nordby.dk",
      "sb115@nordby.dk",
      "sb116@nordby.dk",
    ]);
    // A filter that is not one of the choices is ignored, not an error page.
    expect((await list("?rolle=chef&kommune=x&status=alle")).total).toBe(120);
  });

  test("an administrator creates a user with an invitation: no password, a mail naming the kommune", async () => {
    const since = mailbox.server().received.length;
    const created = (await adminAction(
      args(
        post(adminCookie, "/admin", {
          intent: "create-user",
          name: "Bente Hansen",
          email: " Bente.Hansen@Egeby.dk ",
          role: "trainer",
          organisationId: egeby,
          access: "invitation",
          password: "",
        }),
      ),
    )) as unknown as Answer;
    expect(created.data).toMatchObject(
      confirmed(
        "Brugeren bente.hansen@egeby.dk er oprettet som underviser og har fået en invitation på e-mail (gyldig i 7 dage).",
      ),
    );
    const user = await handle.db
      .selectFrom("users")
      .select(["id", "password_hash", "role"])
      .where("email", "=", "bente.hansen@egeby.dk")
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({ password_hash: null, role: "trainer" });
    const mail = await mailbox.server().nextMailTo("bente.hansen@egeby.dk", since);
    expect(mail.mail.text).toContain("Egeby Kommune");
    expect(mail.mail.html).toContain("Egeby Kommune");
    const token = linkIn(mail.mail, `${APP_URL}/invitation/`).split("/").at(-1)!;
    const found = await findInvitation(handle.db, token);
    expect(found).toMatchObject({ status: "open", invitation: { userId: user.id, accountCanSignIn: false } });
    expect(await auditActions(user.id)).toEqual(["user.created", "user.invited"]);

    // The list says the user has not signed in yet; the user's page offers the invitation again.
    const page = (await userLoader(args(get(adminCookie, `/admin/brugere/${user.id}`), { userId: user.id }))) as {
      user: { hasPassword: boolean; hasIdentity: boolean };
    };
    expect(page.user).toMatchObject({ hasPassword: false, hasIdentity: false });
    const again = await onUserPage(user.id, { intent: "send-invitation" });
    expect(again.data).toMatchObject(confirmed(expect.stringContaining("Invitationen er sendt til")));
    const second = await mailbox.server().nextMailTo("bente.hansen@egeby.dk", since + 1);
    // Only the newest link works.
    expect((await findInvitation(handle.db, token)).status).toBe("expired");
    const newToken = linkIn(second.mail, `${APP_URL}/invitation/`).split("/").at(-1)!;
    expect((await findInvitation(handle.db, newToken)).status).toBe("open");
  });

  test("choosing a password means typing one; a refused form creates nobody", async () => {
    const refused = (await adminAction(
      args(
        post(adminCookie, "/admin", {
          intent: "create-user",
          name: "Carl Carlsen",
          email: "carl@egeby.dk",
          role: "learner",
          organisationId: "",
          access: "password",
          password: "kort",
        }),
      ),
    )) as unknown as Answer;
    expect(refused.init?.status).toBe(400);
    expect(messagesOf(refused).errors).toEqual({ password: "Adgangskoden skal have mindst 10 tegn." });
    const noAccess = (await adminAction(
      args(
        post(adminCookie, "/admin", { intent: "create-user", name: "Carl", email: "carl@egeby.dk", role: "learner" }),
      ),
    )) as unknown as Answer;
    expect(messagesOf(noAccess).errors).toEqual({ access: "Vælg, hvordan brugeren får adgang." });
    expect(await handle.db.selectFrom("users").select("id").where("email", "=", "carl@egeby.dk").execute()).toEqual([]);
  });

  test("each form of /admin answers for itself: the reply names the form sent, a kommune's row by its kommune", async () => {
    const onAdmin = async (fields: Record<string, string>) =>
      (await adminAction(args(post(adminCookie, "/admin", fields)))) as unknown as Answer;
    const create = await onAdmin({ intent: "create-user", name: "", email: "x@egeby.dk", role: "learner" });
    expect(create.data.formId).toBe("create-user");
    expect(messagesOf(create)).toMatchObject({
      formError: "Ændringen er ikke gemt.",
      errors: { name: expect.any(String) },
    });
    const kommune = await onAdmin({ intent: "create-organisation", organisationName: " " });
    expect(kommune.data.formId).toBe("create-organisation");
    expect(messagesOf(kommune).errors).toEqual({ organisationName: "Skriv kommunens navn." });
    // Two rows, two forms each: the refusal belongs to the row of the kommune it concerns.
    const rename = await onAdmin({ intent: "rename-organisation", organisationId: nordby, newName: "Egeby Kommune" });
    expect(rename.data.formId).toBe(`rename-organisation-${nordby}`);
    expect(messagesOf(rename).formError).toBe("Der findes allerede en kommune med navnet „Egeby Kommune“.");
    const remove = await onAdmin({ intent: "delete-organisation", organisationId: egeby });
    expect(remove.data.formId).toBe(`delete-organisation-${egeby}`);
    expect(remove.init?.status).toBe(400);
    // A refused create form keeps what was typed, for the page to show again.
    expect(create.data.result.initialValue).toMatchObject({ email: "x@egeby.dk", role: "learner" });
  });

  test("an administrator edits name, e-mail, kommune and role; the changes are logged", async () => {
    const user = await createTestUser(handle.db, {
      name: "Dorte Dahl",
      email: "dorte@egeby.dk",
      organisationId: egeby,
    });
    const saved = await onUserPage(user.id, {
      intent: "edit-user",
      name: "  Dorte Dahl Jensen ",
      email: "Dorte.Jensen@Nordby.dk",
      role: "author",
      organisationId: nordby,
    });
    expect(saved.data).toMatchObject(confirmed("Brugerens navn, e-mail, rolle og kommune er gemt."));
    expect(messagesOf(saved)).toEqual({ errors: {}, formError: undefined });
    expect(await userRow(user.id)).toMatchObject({
      name: "Dorte Dahl Jensen",
      email: "dorte.jensen@nordby.dk",
      role: "author",
      organisation_id: nordby,
    });
    expect((await auditActions(user.id)).sort()).toEqual(["user.edited", "user.role_changed"]);

    const kommuneOnly = await onUserPage(user.id, {
      intent: "edit-user",
      name: "Dorte Dahl Jensen",
      email: "dorte.jensen@nordby.dk",
      role: "author",
      organisationId: "",
    });
    expect(kommuneOnly.data).toMatchObject(confirmed("Brugerens kommune er gemt."));
    expect(messagesOf(kommuneOnly)).toEqual({ errors: {}, formError: undefined });
    expect((await userRow(user.id)).organisation_id).toBeNull();
  });

  test("an edit that breaks a rule is refused in Danish and changes nothing", async () => {
    const user = await createTestUser(handle.db, { name: "Erik Enevold", email: "erik@egeby.dk" });
    await createTestUser(handle.db, { email: "optaget@egeby.dk" });
    const before = await userRow(user.id);
    const attempt = (fields: Record<string, string>) =>
      onUserPage(user.id, {
        intent: "edit-user",
        name: "Erik Enevold",
        email: "erik@egeby.dk",
        role: "learner",
        organisationId: "",
        ...fields,
      });

    const taken = await attempt({ name: "Nyt Navn", email: "OPTAGET@egeby.dk" });
    expect(taken.init?.status).toBe(400);
    expect(messagesOf(taken).errors).toEqual({
      email: "Der findes allerede en bruger med e-mailadressen optaget@egeby.dk.",
    });
    expect(messagesOf(await attempt({ email: "ikke-en-adresse" })).errors).toEqual({
      email: "Skriv en gyldig e-mailadresse.",
    });
    expect(messagesOf(await attempt({ name: "   " })).errors).toEqual({ name: "Skriv brugerens navn." });
    expect(messagesOf(await attempt({ role: "chef" })).errors).toEqual({ role: "Vælg en rolle." });
    expect(messagesOf(await attempt({ organisationId: crypto.randomUUID() })).errors).toEqual({
      organisationId: "Kommunen findes ikke.",
    });
    expect(messagesOf(await attempt({ organisationId: "x" })).errors).toEqual({ organisationId: "Vælg en kommune." });
    expect(await userRow(user.id)).toEqual(before);

    // An administrator cannot take their own administrator role, nor change an unknown user.
    const self = await userRow(adminId);
    const demoted = await onUserPage(adminId, {
      intent: "edit-user",
      name: self.name,
      email: self.email,
      role: "trainer",
      organisationId: egeby,
    });
    expect(messagesOf(demoted).formError).toMatch(/^Du kan ikke fjerne din egen administratorrolle/);
    expect((await userRow(adminId)).role).toBe("admin");
    const unknown = crypto.randomUUID();
    await expect(
      userAction(args(post(adminCookie, `/admin/brugere/${unknown}`, {}), { userId: unknown })),
    ).rejects.toMatchObject({ status: 404 });
    // A user who can sign in already gets no invitation.
    const invited = await onUserPage(user.id, { intent: "send-invitation" });
    expect(messagesOf(invited).formError).toMatch(/^Brugeren kan allerede logge ind/);
  });

  test("an administrator removes a wrong single sign-on link; the removal is logged", async () => {
    const user = await createTestUser(handle.db, { name: "Jens Jensen", email: "jens@egeby.dk" });
    const issuer = "https://login.egeby.dk";
    await handle.db
      .insertInto("user_identities")
      .values({ issuer, subject: "jens-forkert", user_id: user.id, linked_email: "jens@egeby.dk" })
      .execute();
    const page = (await userLoader(args(get(adminCookie, `/admin/brugere/${user.id}`), { userId: user.id }))) as {
      identities: { issuer: string; linkedBy: string }[];
    };
    expect(page.identities).toEqual([expect.objectContaining({ issuer, linkedBy: "e-mailadressen jens@egeby.dk" })]);
    const removed = await onUserPage(user.id, { intent: "unlink-identity", issuer });
    expect(removed.data).toMatchObject(confirmed(expect.stringMatching(/^Koblingen er fjernet\./)));
    expect(
      await handle.db.selectFrom("user_identities").select("subject").where("user_id", "=", user.id).execute(),
    ).toEqual([]);
    expect(await auditActions(user.id)).toEqual(["user.identity_unlinked"]);
    const again = await onUserPage(user.id, { intent: "unlink-identity", issuer });
    expect(again.init?.status).toBe(400);
    expect(messagesOf(again).formError).toBe("Koblingen findes ikke længere.");
  });

  test("a trainer invites participants to their own cohort: a mail each, learners in the cohort's kommune", async () => {
    const path = `/underviser/hold/${cohortId}/indstillinger`;
    const params = { cohortId };
    const invite = async (cookie: string, invitees: string) =>
      (await settingsAction(args(post(cookie, path, { intent: "invite", invitees }), params))) as unknown as Answer;

    // Another trainer's cohort is refused before anything is read.
    await expect(invite(otherTrainerCookie, "Fie Friis fie@egeby.dk")).rejects.toMatchObject({ status: 403 });

    const bad = await invite(trainerCookie, "Fie Friis fie@egeby.dk\nGert gert@egeby");
    expect(bad.init?.status).toBe(400);
    expect(replyMessages(bad.data).errors).toEqual({
      invitees: "Linje 2: „gert@egeby“ er ikke en gyldig e-mailadresse.",
    });
    expect(await handle.db.selectFrom("invitations").select("id").where("cohort_id", "=", cohortId).execute()).toEqual(
      [],
    );

    const since = mailbox.server().received.length;
    const sent = await invite(trainerCookie, "Fie Friis fie@egeby.dk\nHansen, Gert; gert@egeby.dk");
    expect(sent.data).toMatchObject({
      result: { status: "success" },
      message: expect.stringMatching(/^Der er sendt 2 invitationer/),
    });
    const mail = await mailbox.server().nextMailTo("fie@egeby.dk", since);
    expect(mail.mail.text).toContain("Hold A – foråret");
    expect(mail.mail.text).toContain("Egeby Kommune");
    expect(mail.mail.text).toContain("Ulla Underviser");
    await mailbox.server().nextMailTo("gert@egeby.dk", since);

    const page = (await settingsLoader(args(get(trainerCookie, path), params))) as {
      invitations: { email: string; name: string }[];
    };
    expect(page.invitations.map((i) => i.email).sort()).toEqual(["fie@egeby.dk", "gert@egeby.dk"]);

    // Fie accepts: a learner in Egeby Kommune, on the cohort.
    const token = linkIn(mail.mail, `${APP_URL}/invitation/`).split("/").at(-1)!;
    const found = await findInvitation(handle.db, token);
    if (found.status !== "open") throw new Error(found.status);
    const fieId = await acceptInvitation(handle.db, found.invitation.id, {
      kind: "password",
      password: "fies-egen-kode",
    });
    expect(await userRow(fieId)).toMatchObject({ name: "Fie Friis", role: "learner", organisation_id: egeby });
    const member = await handle.db
      .selectFrom("cohort_members")
      .select("user_id")
      .where("cohort_id", "=", cohortId)
      .where("user_id", "=", fieId)
      .executeTakeFirst();
    expect(member).toEqual({ user_id: fieId });
    const entries = await handle.db
      .selectFrom("audit_log")
      .select(["action", "details"])
      .where("cohort_id", "=", cohortId)
      .orderBy("at")
      .execute();
    expect(entries.map((e) => e.action)).toEqual(["cohort.invitations_sent", "invitation.accepted"]);
    // The settings page no longer lists the accepted invitation.
    const after = (await settingsLoader(args(get(trainerCookie, path), params))) as {
      invitations: { email: string }[];
    };
    expect(after.invitations.map((i) => i.email)).toEqual(["gert@egeby.dk"]);
  });

  test("Min konto: a user downloads their own data as JSON, and the download is logged", async () => {
    const user = await createTestUser(handle.db, { name: "Ida Ibsen", email: "ida@egeby.dk" });
    const cookie = await createSession(handle.db, user.id);
    const response = (await myDataLoader(args(get(cookie, "/min-konto/data.json")))) as Response;
    expect(response.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment;/);
    const text = await response.text();
    const exported = JSON.parse(text) as { userId: string; tables: { users: { email: string }[] } };
    expect(exported.userId).toBe(user.id);
    expect(exported.tables.users).toEqual([expect.objectContaining({ email: "ida@egeby.dk", name: "Ida Ibsen" })]);
    expect(text).not.toMatch(/password_hash|token_hash|scrypt/);
    expect(await auditActions(user.id)).toEqual(["user.data_exported"]);

    const anonymous = await myDataLoader(args(new Request("http://localhost/min-konto/data.json"))).catch(
      (thrown: unknown) => thrown,
    );
    expect(anonymous instanceof Response && anonymous.status).toBe(302);
  });
});
