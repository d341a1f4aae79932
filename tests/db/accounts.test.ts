/**
 * Invitations, password reset and the spreadsheet import, with their mail going through a real
 * SMTP server started here (tests/smtp-server.ts). Both engines.
 */
import { sql } from "kysely";
import { Migrator } from "kysely/migration";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { commitImport, previewImport } from "../../app/users/import.server";
import {
  acceptInvitation,
  createInvitation,
  findInvitation,
  InvitationError,
  sendInvitationMail,
  sendInvitations,
} from "../../app/users/invitations.server";
import {
  findPasswordReset,
  requestPasswordReset,
  RESET_LINK_UNUSABLE,
  resetPassword,
} from "../../app/users/password-reset.server";
import { authenticate } from "../../app/auth/auth.server";
import { createSession, destroyOwnSession, getSessionUser, listUserSessions } from "../../app/auth/session.server";
import { hashToken } from "../../app/auth/tokens.server";
import { isUniqueViolation, openEmbedded, useDatabase } from "../../app/db/database.server";
import { replyMessages, type FormReply } from "../../app/forms/reply";
import { action as invitationAction } from "../../app/routes/invitation.$token";
import { action as resetAction } from "../../app/routes/nulstil-adgangskode.$token";
import { createCohort } from "../../app/trainer/cohorts.server";
import { migrations } from "../../db/migrations";
import { changeOwnPassword, myAccount } from "../../app/users/my-account.server";
import { createTestUser, requestWithCookie, TEST_PASSWORD } from "../factories";
import { linkIn, useTestSmtpServer } from "../smtp-server";
import { engines, freshDatabase, type TestDatabase } from "./engines";
import { routeOutcome } from "./route-call";

const APP_URL = "http://sagslab.egeby.test";
const mailbox = useTestSmtpServer({ MAIL_FROM: "Sagslab <sagslab@egeby.dk>", APP_URL });

/** A form posted to a route's action, as Remix calls it. */
const postTo = (
  action: (args: {
    request: Request;
    params: Record<string, string>;
    context: Record<string, never>;
  }) => Promise<unknown>,
  path: string,
  params: Record<string, string>,
  fields: Record<string, string>,
) =>
  routeOutcome(() =>
    action({
      request: new Request(`${APP_URL}${path}`, { method: "POST", body: new URLSearchParams(fields) }),
      params,
      context: {},
    }),
  );

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => "accepted",
    (error: Error) => error.message,
  );

describe.each(engines)("accounts on %s", (engine) => {
  let handle: TestDatabase;
  let organisationId = "";
  let cohortId = "";
  let cohortCode = "";
  let trainerId = "";

  beforeAll(async () => {
    handle = await freshDatabase(engine);
    organisationId = (
      await handle.db
        .insertInto("organisations")
        .values({ name: "Egeby Kommune" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    const trainer = await createTestUser(handle.db, { role: "trainer", name: "Ulla Underviser" });
    trainerId = trainer.id;
    const cohort = await createCohort(handle.db, {
      name: "Hold A – foråret",
      organisationId,
      startsOn: "2026-01-01",
      endsOn: "2099-12-31",
      modules: ["eksempel"],
      trainerId,
    });
    cohortId = cohort.id;
    cohortCode = cohort.joinCode;
  });
  afterAll(() => handle.close());

  const members = async () =>
    (await handle.db.selectFrom("cohort_members").select("user_id").where("cohort_id", "=", cohortId).execute()).map(
      (m) => m.user_id,
    );

  test("an invitation is mailed with the kommune's name; it is stored hashed, creates the account and lands in the cohort", async () => {
    const since = mailbox.server().received.length;
    const invitation = await createInvitation(handle.db, {
      email: "Bente@Egeby.dk",
      name: "Bente Bæk",
      role: "learner",
      organisationId,
      cohortId,
      invitedBy: trainerId,
    });
    await sendInvitationMail(handle.db, invitation.id, invitation.token);
    const { mail } = await mailbox.server().nextMailTo("bente@egeby.dk", since);
    expect(mail.subject).toBe("Invitation til holdet „Hold A – foråret“ i Sagslab");
    expect(mail.text).toContain("Ulla Underviser har inviteret dig til Sagslab hos Egeby Kommune");
    const link = linkIn(mail, `${APP_URL}/invitation/`);
    const token = link.slice(`${APP_URL}/invitation/`.length);
    expect(token).toBe(invitation.token);

    // Only the hash is stored.
    const stored = await handle.db.selectFrom("invitations").selectAll().where("id", "=", invitation.id).execute();
    expect(stored).toMatchObject([{ token_hash: hashToken(token), email: "bente@egeby.dk" }]);
    expect(JSON.stringify(stored)).not.toContain(token);
    const days = (stored[0]!.expires_at.getTime() - stored[0]!.created_at.getTime()) / 86_400_000;
    expect(days).toBeCloseTo(7, 3);

    expect(await findInvitation(handle.db, token)).toMatchObject({
      status: "open",
      invitation: { name: "Bente Bæk", cohort: "Hold A – foråret", organisation: "Egeby Kommune", userId: null },
    });
    const userId = await acceptInvitation(handle.db, invitation.id, {
      kind: "password",
      password: "en-ny-adgangskode",
    });
    const user = await handle.db.selectFrom("users").selectAll().where("id", "=", userId).executeTakeFirstOrThrow();
    expect(user).toMatchObject({
      email: "bente@egeby.dk",
      name: "Bente Bæk",
      role: "learner",
      organisation_id: organisationId,
    });
    expect(await members()).toContain(userId);
    expect(
      await authenticate(handle.db, { email: "bente@egeby.dk", password: "en-ny-adgangskode", clientAddress: "t" }),
    ).toMatchObject({ ok: true, userId });

    // Single use.
    expect(await findInvitation(handle.db, token)).toEqual({ status: "used" });
    expect(
      await refusal(acceptInvitation(handle.db, invitation.id, { kind: "password", password: "x".repeat(12) })),
    ).toBe("Invitationen er allerede brugt.");
  });

  test("a trainer's invitations get the same answer whether an address has an account, and are throttled", async () => {
    const elsewhere = await createTestUser(handle.db, { email: "andet-sted@fjernby.dk", name: "Anders Andetsted" });
    const inviter = await createTestUser(handle.db, { role: "trainer" });
    const since = mailbox.server().received.length;
    const invite = (email: string) =>
      sendInvitations(handle.db, {
        invitedBy: inviter.id,
        invitees: [{ name: "Ny Deltager", email }],
        role: "learner",
        organisationId,
        cohortId,
      });
    expect(await invite("ny-deltager@egeby.dk")).toEqual({ ok: true, sent: ["ny-deltager@egeby.dk"], notSent: [] });
    expect(await invite(elsewhere.email)).toEqual({ ok: true, sent: [elsewhere.email], notSent: [] });
    // The existing account's owner is greeted by their own name, and nothing about them reached the trainer.
    const { mail } = await mailbox.server().nextMailTo(elsewhere.email, since);
    expect(mail.text).toContain("Hej Anders Andetsted");
    for (let i = 0; i < 8; i++) expect((await invite(`d${i}@egeby.dk`)).ok).toBe(true);
    expect(await invite("en-for-meget@egeby.dk")).toMatchObject({ ok: false, retryAfterSeconds: expect.any(Number) });
  });

  test("an invitation to a cohort archived since it was sent is refused and creates nothing", async () => {
    // Its own trainer, so the other tests' trainer keeps one cohort.
    const archivingTrainer = await createTestUser(handle.db, { role: "trainer", name: "Arne Arkivar" });
    const archived = await createCohort(handle.db, {
      name: "Hold B – arkiveret",
      organisationId,
      startsOn: "2026-01-01",
      endsOn: "2099-12-31",
      modules: ["eksempel"],
      trainerId: archivingTrainer.id,
    });
    const invitation = await createInvitation(handle.db, {
      email: "arkiv@egeby.dk",
      name: "Asta Arkiv",
      role: "learner",
      organisationId,
      cohortId: archived.id,
      invitedBy: archivingTrainer.id,
    });
    await handle.db.updateTable("cohorts").set({ archived_at: new Date() }).where("id", "=", archived.id).execute();
    expect(
      await refusal(acceptInvitation(handle.db, invitation.id, { kind: "password", password: "en-god-kode-2" })),
    ).toBe("Holdet er arkiveret og tager ikke imod nye deltagere. Kontakt den, der inviterede dig.");
    expect(await handle.db.selectFrom("users").select("id").where("email", "=", "arkiv@egeby.dk").execute()).toEqual(
      [],
    );
    expect(
      await handle.db.selectFrom("cohort_members").select("user_id").where("cohort_id", "=", archived.id).execute(),
    ).toEqual([]);
  });

  test("the same invitation accepted twice at the same moment creates one account", async () => {
    const invitation = await createInvitation(handle.db, {
      email: "dobbelt@egeby.dk",
      name: "Dorte Dobbelt",
      role: "learner",
      organisationId,
      cohortId,
      invitedBy: trainerId,
    });
    const results = await Promise.allSettled([
      acceptInvitation(handle.db, invitation.id, { kind: "password", password: "første-adgangskode" }),
      acceptInvitation(handle.db, invitation.id, { kind: "password", password: "anden-adgangskode" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected")!;
    expect((rejected as PromiseRejectedResult).reason).toBeInstanceOf(InvitationError);
    expect(
      await handle.db.selectFrom("users").select("id").where("email", "=", "dobbelt@egeby.dk").execute(),
    ).toHaveLength(1);
  });

  test("an expired or superseded invitation is refused", async () => {
    const first = await createInvitation(handle.db, {
      email: "sen@egeby.dk",
      name: "Signe Sen",
      role: "learner",
      organisationId,
      cohortId,
      invitedBy: trainerId,
    });
    const second = await createInvitation(handle.db, {
      email: "sen@egeby.dk",
      name: "Signe Sen",
      role: "learner",
      organisationId,
      cohortId,
      invitedBy: trainerId,
    });
    expect(await findInvitation(handle.db, first.token)).toEqual({ status: "expired" });
    expect((await findInvitation(handle.db, second.token)).status).toBe("open");
    await handle.db
      .updateTable("invitations")
      .set({ expires_at: sql<Date>`now() - interval '1 minute'` })
      .where("id", "=", second.id)
      .execute();
    expect(await refusal(acceptInvitation(handle.db, second.id, { kind: "password", password: "en-god-kode-1" }))).toBe(
      "Invitationen er udløbet. Bed den, der inviterede dig, om en ny.",
    );
    expect(await findInvitation(handle.db, "et-token-der-ikke-findes")).toEqual({ status: "unknown" });
  });

  test("someone who already has an account signs in to accept, and only as that account", async () => {
    const existing = await createTestUser(handle.db, { email: "har-konto@egeby.dk" });
    const other = await createTestUser(handle.db);
    const invitation = await createInvitation(handle.db, {
      email: "har-konto@egeby.dk",
      name: "Ignoreret Navn",
      role: "admin",
      organisationId,
      cohortId,
      invitedBy: trainerId,
    });
    expect(await findInvitation(handle.db, invitation.token)).toMatchObject({
      status: "open",
      invitation: { userId: existing.id, accountCanSignIn: true },
    });
    expect(
      await refusal(acceptInvitation(handle.db, invitation.id, { kind: "password", password: "overtag-kontoen" })),
    ).toBe("Du har allerede en konto med adgangskode. Log ind for at tage imod invitationen.");
    expect(await refusal(acceptInvitation(handle.db, invitation.id, { kind: "signed-in", userId: other.id }))).toBe(
      "Invitationen er sendt til har-konto@egeby.dk. Log ud, og log ind med den adresse for at tage imod den.",
    );
    expect(await acceptInvitation(handle.db, invitation.id, { kind: "signed-in", userId: existing.id })).toBe(
      existing.id,
    );
    expect(await members()).toContain(existing.id);
    // An invitation never changes an existing account's role.
    const role = await handle.db
      .selectFrom("users")
      .select("role")
      .where("id", "=", existing.id)
      .executeTakeFirstOrThrow();
    expect(role.role).toBe("learner");
  });

  test("single sign-on accepts an invitation by linking the identity to the new account", async () => {
    const invitation = await createInvitation(handle.db, {
      email: "sso@egeby.dk",
      name: "Søs Sso",
      role: "learner",
      organisationId,
      cohortId,
      invitedBy: trainerId,
    });
    const userId = await acceptInvitation(handle.db, invitation.id, {
      kind: "identity",
      issuer: "https://login.egeby.dk",
      subject: "sub-123",
      email: null,
    });
    expect(
      await handle.db.selectFrom("users").select(["name", "password_hash"]).where("id", "=", userId).executeTakeFirst(),
    ).toEqual({ name: "Søs Sso", password_hash: null });
    expect(
      await handle.db.selectFrom("user_identities").select("user_id").where("subject", "=", "sub-123").execute(),
    ).toEqual([{ user_id: userId }]);
    expect(await members()).toContain(userId);
  });

  test("the invitation page's two forms each get their own reply; a refused password is never sent back", async () => {
    useDatabase(handle);
    const invitation = await createInvitation(handle.db, {
      email: "tove@egeby.dk",
      name: "Tove Tang",
      role: "learner",
      organisationId,
      cohortId,
      invitedBy: trainerId,
    });
    const post = (fields: Record<string, string>) =>
      postTo(invitationAction, `/invitation/${invitation.token}`, { token: invitation.token }, fields);

    const short = await post({ intent: "set-password", password: "hemmelig1", confirm: "hemmelig2" });
    expect(short.status).toBe(400);
    const shortReply = short.body as FormReply;
    expect(shortReply.formId).toBe("invitation-password");
    expect(replyMessages(shortReply).errors).toEqual({
      password: "Adgangskoden skal have mindst 10 tegn.",
      confirm: "De to adgangskoder er ikke ens.",
    });
    expect(JSON.stringify(shortReply)).not.toMatch(/hemmelig/);

    // The other form's refusal carries its own id, so the page shows it there only.
    const anonymous = await post({ intent: "accept" });
    expect(anonymous.status).toBe(401);
    expect((anonymous.body as FormReply).formId).toBe("invitation-accept");
    expect(replyMessages(anonymous.body as FormReply)).toEqual({
      errors: {},
      formError: "Log ind først for at tage imod invitationen.",
    });
    expect((await post({ intent: "drop" })).status).toBe(400);
    expect(await findInvitation(handle.db, invitation.token)).toMatchObject({ status: "open" });

    const accepted = await post({ intent: "set-password", password: "toves-egen-kode", confirm: "toves-egen-kode" });
    expect(accepted.status).toBe(302);
    const again = await post({ intent: "set-password", password: "toves-egen-kode", confirm: "toves-egen-kode" });
    expect(again.status).toBe(410);
    expect(replyMessages(again.body as FormReply).formError).toBe(
      "Invitationen er allerede brugt. Log ind med den adgangskode, du valgte, eller med single sign-on.",
    );
  });

  test("the reset page refuses two different passwords without sending them back, and a used link with 410", async () => {
    useDatabase(handle);
    const user = await createTestUser(handle.db, { email: "nulstil@egeby.dk" });
    const since = mailbox.server().received.length;
    const request = await requestPasswordReset(handle.db, { email: user.email, clientAddress: "10.0.0.20" });
    if (request.ok) await request.delivery;
    const { mail } = await mailbox.server().nextMailTo(user.email, since);
    const token = linkIn(mail, `${APP_URL}/nulstil-adgangskode/`).split("/").at(-1)!;
    const post = (fields: Record<string, string>) =>
      postTo(resetAction, `/nulstil-adgangskode/${token}`, { token }, fields);

    const different = await post({ password: "en-ny-adgangskode", confirm: "en-anden-adgangskode" });
    expect(different.status).toBe(400);
    expect((different.body as FormReply).formId).toBe("nulstil-adgangskode");
    expect(replyMessages(different.body as FormReply)).toEqual({
      errors: { confirm: "De to adgangskoder er ikke ens." },
      formError: undefined,
    });
    expect(JSON.stringify(different.body)).not.toMatch(/en-ny-adgangskode|en-anden-adgangskode/);

    expect((await post({ password: "en-ny-adgangskode", confirm: "en-ny-adgangskode" })).status).toBe(302);
    const used = await post({ password: "en-ny-adgangskode", confirm: "en-ny-adgangskode" });
    expect(used.status).toBe(410);
    expect(replyMessages(used.body as FormReply).formError).toBe(RESET_LINK_UNUSABLE);
  });

  test("a password reset mails a one-hour, single-use link; the new password ends every session", async () => {
    const user = await createTestUser(handle.db, { email: "glemsom@egeby.dk", name: "Gitte Glemsom" });
    const elsewhere = await createSession(handle.db, user.id);
    expect(elsewhere).toBeTruthy();
    const since = mailbox.server().received.length;
    const request = await requestPasswordReset(handle.db, { email: " Glemsom@Egeby.DK ", clientAddress: "10.0.0.1" });
    expect(request.ok).toBe(true);
    if (request.ok) await request.delivery;
    const { mail } = await mailbox.server().nextMailTo("glemsom@egeby.dk", since);
    expect(mail.subject).toBe("Vælg en ny adgangskode til Sagslab");
    expect(mail.text).toContain("Hej Gitte Glemsom");
    const token = linkIn(mail, `${APP_URL}/nulstil-adgangskode/`).split("/").at(-1)!;

    const stored = await handle.db.selectFrom("password_resets").selectAll().where("user_id", "=", user.id).execute();
    expect(stored).toMatchObject([{ token_hash: hashToken(token), used_at: null }]);
    const minutes = (stored[0]!.expires_at.getTime() - stored[0]!.created_at.getTime()) / 60_000;
    expect(minutes).toBeCloseTo(60, 3);

    expect(await findPasswordReset(handle.db, token)).toEqual({ ok: true, email: "glemsom@egeby.dk" });
    expect(await resetPassword(handle.db, token, "helt-ny-adgangskode")).toBe(user.id);
    expect(await handle.db.selectFrom("sessions").select("id").where("user_id", "=", user.id).execute()).toEqual([]);
    expect(
      await authenticate(handle.db, { email: "glemsom@egeby.dk", password: "helt-ny-adgangskode", clientAddress: "x" }),
    ).toMatchObject({ ok: true });
    expect(await refusal(resetPassword(handle.db, token, "endnu-en-adgangskode"))).toBe(RESET_LINK_UNUSABLE);
    expect(await findPasswordReset(handle.db, token)).toEqual({ ok: false });
  });

  test("a reset link stops working after an hour, and an older link when a newer is asked for", async () => {
    const user = await createTestUser(handle.db, { email: "to-links@egeby.dk" });
    const since = mailbox.server().received.length;
    for (const address of ["10.0.0.2", "10.0.0.3"]) {
      const request = await requestPasswordReset(handle.db, { email: user.email, clientAddress: address });
      if (request.ok) await request.delivery;
    }
    await mailbox.server().nextMailTo(user.email, since);
    const mails = mailbox
      .server()
      .received.slice(since)
      .filter((m) => m.to.includes(user.email));
    expect(mails).toHaveLength(2);
    const [older, newer] = mails.map((m) => linkIn(m.mail, `${APP_URL}/nulstil-adgangskode/`).split("/").at(-1)!);
    expect(await findPasswordReset(handle.db, older!)).toEqual({ ok: false });
    await handle.db
      .updateTable("password_resets")
      .set({ expires_at: sql<Date>`now() - interval '1 second'` })
      .where("token_hash", "=", hashToken(newer!))
      .execute();
    expect(await refusal(resetPassword(handle.db, newer!, "en-sen-adgangskode"))).toBe(RESET_LINK_UNUSABLE);
  });

  test("an unknown address gets the same answer and no mail; requests are throttled", async () => {
    const since = mailbox.server().received.length;
    const unknown = await requestPasswordReset(handle.db, { email: "findes-ikke@egeby.dk", clientAddress: "10.0.0.9" });
    expect(unknown.ok).toBe(true);
    if (unknown.ok) await unknown.delivery;
    expect(
      mailbox
        .server()
        .received.slice(since)
        .filter((m) => m.to.includes("findes-ikke@egeby.dk")),
    ).toEqual([]);

    const results = [];
    for (let i = 0; i < 6; i++) {
      results.push(await requestPasswordReset(handle.db, { email: "spam@egeby.dk", clientAddress: `10.1.0.${i}` }));
    }
    expect(results.slice(0, 5).every((r) => r.ok)).toBe(true);
    expect(results[5]).toMatchObject({ ok: false, retryAfterSeconds: expect.any(Number) });

    // A kommune behind one address: twenty colleagues asking the same morning all get their links.
    for (let i = 0; i < 20; i++) {
      const request = await requestPasswordReset(handle.db, {
        email: `kollega${i}@egeby.dk`,
        clientAddress: "10.9.9.9",
      });
      expect(request.ok).toBe(true);
    }
  });

  test("an import previews, then creates accounts without passwords, joins cohorts and invites, in one go", async () => {
    await createTestUser(handle.db, { email: "findes@egeby.dk", name: "Finn Findes" });
    const csv = [
      "Navn;E-mail;Rolle;Kommune;Hold",
      `Ida Import;ida@egeby.dk;Sagsbehandler;egeby kommune;${cohortCode.toLowerCase()}`,
      "Ivan Import;ivan@egeby.dk;underviser;Egeby Kommune;",
      `Finn F.;FINDES@egeby.dk;;Egeby Kommune;${cohortCode}`,
    ].join("\r\n");
    const preview = await previewImport(handle.db, new TextEncoder().encode(csv));
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.plan.counts).toEqual({ create: 2, exists: 1, error: 0 });
    // The preview wrote nothing.
    expect(await handle.db.selectFrom("users").select("id").where("email", "=", "ida@egeby.dk").execute()).toEqual([]);

    const result = await commitImport(handle.db, {
      text: preview.text,
      fingerprint: preview.fingerprint,
      invite: true,
      invitedBy: trainerId,
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.created.map((c) => c.email)).toEqual(["ida@egeby.dk", "ivan@egeby.dk"]);
    expect(result.joined).toBe(2);
    expect(result.invitations.map((i) => i.email)).toEqual(["ida@egeby.dk", "ivan@egeby.dk"]);
    const ida = await handle.db
      .selectFrom("users")
      .select(["id", "role", "password_hash", "organisation_id"])
      .where("email", "=", "ida@egeby.dk")
      .executeTakeFirstOrThrow();
    expect(ida).toMatchObject({ role: "learner", password_hash: null, organisation_id: organisationId });
    const finn = await handle.db
      .selectFrom("users")
      .select("id")
      .where("email", "=", "findes@egeby.dk")
      .executeTakeFirstOrThrow();
    expect(await members()).toEqual(expect.arrayContaining([ida.id, finn.id]));
    // The imported account accepts its invitation by choosing a password.
    const invitation = await findInvitation(handle.db, result.invitations[0]!.token);
    expect(invitation).toMatchObject({ status: "open", invitation: { userId: ida.id, accountCanSignIn: false } });
    expect(
      await acceptInvitation(handle.db, result.invitations[0]!.id, { kind: "password", password: "idas-adgangskode" }),
    ).toBe(ida.id);

    // The same file again: everything exists now, so the old preview no longer matches.
    const again = await commitImport(handle.db, {
      text: preview.text,
      fingerprint: preview.fingerprint,
      invite: false,
      invitedBy: trainerId,
    });
    expect(again).toMatchObject({ ok: false, message: expect.stringMatching(/ændret siden forhåndsvisningen/) });
    if (!again.ok && again.preview.ok) expect(again.preview.plan.counts).toEqual({ create: 0, exists: 3, error: 0 });
  });

  test("an import with an error in any row writes nothing", async () => {
    const csv =
      "navn,e-mail,rolle,kommune\nOk Person,ok@egeby.dk,,Egeby Kommune\nFejl Person,fejl@egeby.dk,chef,Egeby Kommune\n";
    const preview = await previewImport(handle.db, new TextEncoder().encode(csv));
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.plan.counts).toEqual({ create: 1, exists: 0, error: 1 });
    const result = await commitImport(handle.db, {
      text: preview.text,
      fingerprint: preview.fingerprint,
      invite: true,
      invitedBy: trainerId,
    });
    expect(result).toMatchObject({
      ok: false,
      message: "Filen har fejl. Ret dem, og upload filen igen; intet er importeret.",
    });
    expect(await handle.db.selectFrom("users").select("id").where("email", "=", "ok@egeby.dk").execute()).toEqual([]);
  });

  test("logging in ends the browser's previous session, whoever it belonged to", async () => {
    const first = await createTestUser(handle.db);
    const second = await createTestUser(handle.db);
    const firstCookie = await createSession(handle.db, first.id);
    const login = requestWithCookie(firstCookie, "http://localhost/login", {
      headers: { "User-Agent": "Firefox/133.0" },
    });
    const secondCookie = await createSession(handle.db, second.id, { request: login, clientAddress: "10.2.0.1" });
    expect(await getSessionUser(handle.db, requestWithCookie(firstCookie))).toBeNull();
    expect((await getSessionUser(handle.db, requestWithCookie(secondCookie)))?.id).toBe(second.id);
    expect(await handle.db.selectFrom("sessions").select("id").where("user_id", "=", first.id).execute()).toEqual([]);
  });

  test("Min konto: sessions listed with the current one first; a user ends their other ones, never someone else's", async () => {
    const user = await createTestUser(handle.db);
    const stranger = await createTestUser(handle.db);
    const here = await createSession(handle.db, user.id, {
      request: new Request("http://localhost/login", { headers: { "User-Agent": "Chrome/131.0 (Windows)" } }),
    });
    const there = await createSession(handle.db, user.id);
    const strangers = await createSession(handle.db, stranger.id);
    const me = (await getSessionUser(handle.db, requestWithCookie(here)))!;
    const sessions = await listUserSessions(handle.db, user.id, me.sessionId);
    expect(sessions.map((s) => s.current)).toEqual([true, false]);
    expect(sessions[0]!.user_agent).toBe("Chrome/131.0 (Windows)");

    const strangerSession = (await getSessionUser(handle.db, requestWithCookie(strangers)))!.sessionId;
    expect(await destroyOwnSession(handle.db, user.id, strangerSession)).toBe(false);
    expect(await getSessionUser(handle.db, requestWithCookie(strangers))).not.toBeNull();
    expect(await destroyOwnSession(handle.db, user.id, sessions[1]!.id)).toBe(true);
    expect(await getSessionUser(handle.db, requestWithCookie(there))).toBeNull();
    expect(await getSessionUser(handle.db, requestWithCookie(here))).not.toBeNull();
  });

  test("Min konto: a password change needs the current password and ends every other session", async () => {
    const user = await createTestUser(handle.db);
    const here = await createSession(handle.db, user.id);
    const there = await createSession(handle.db, user.id);
    const me = (await getSessionUser(handle.db, requestWithCookie(here)))!;
    const change = (currentPassword: string) =>
      changeOwnPassword(handle.db, {
        user: me,
        currentPassword,
        newPassword: "min-nye-kode-123",
        clientAddress: "10.3.0.1",
      });
    expect(await change("forkert-kode")).toEqual({
      ok: false,
      field: "currentPassword",
      message: "Den nuværende adgangskode er forkert.",
    });
    expect(await getSessionUser(handle.db, requestWithCookie(there))).not.toBeNull();
    expect(await change(TEST_PASSWORD)).toEqual({ ok: true, endedSessions: 1 });
    expect(await getSessionUser(handle.db, requestWithCookie(there))).toBeNull();
    expect(await getSessionUser(handle.db, requestWithCookie(here))).not.toBeNull();
    expect(
      await authenticate(handle.db, { email: user.email, password: "min-nye-kode-123", clientAddress: "10.3.0.2" }),
    ).toMatchObject({ ok: true });
  });

  test("Min konto shows the user's cohorts, as participant and as trainer", async () => {
    const learner = await createTestUser(handle.db);
    await handle.db.insertInto("cohort_members").values({ cohort_id: cohortId, user_id: learner.id }).execute();
    const session = await createSession(handle.db, learner.id);
    const me = (await getSessionUser(handle.db, requestWithCookie(session)))!;
    const account = await myAccount(handle.db, me);
    expect(account.cohorts).toEqual([
      expect.objectContaining({ name: "Hold A – foråret", organisation: "Egeby Kommune", as: "deltager" }),
    ]);
    expect(account.hasPassword).toBe(true);
    const trainerSession = await createSession(handle.db, trainerId);
    const trainer = (await getSessionUser(handle.db, requestWithCookie(trainerSession)))!;
    expect((await myAccount(handle.db, trainer)).cohorts).toEqual([
      expect.objectContaining({ name: "Hold A – foråret", as: "underviser" }),
    ]);
  });

  test("kommune names are unique regardless of case and surrounding spaces, in the database itself", async () => {
    const error = await handle.db
      .insertInto("organisations")
      .values({ name: "EGEBY kommune" })
      .execute()
      .catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    const spaced = await handle.db
      .insertInto("organisations")
      .values({ name: " Egeby Kommune " })
      .execute()
      .catch((e: unknown) => e);
    expect(isUniqueViolation(spaced)).toBe(true);
  });
});

test("migration 0009 keeps kommuner that differed only by case, renamed so the administrator can tell them apart", async () => {
  const handle = await openEmbedded({});
  try {
    const migrator = new Migrator({ db: handle.db, provider: { getMigrations: async () => migrations } });
    const order = Object.keys(migrations).sort();
    await migrator.migrateTo(order[order.indexOf("0009_accounts") - 1]!);
    await handle.db
      .insertInto("organisations")
      .values([{ name: "Egeby Kommune" }, { name: "egeby kommune" }, { name: " Fjernby Kommune " }])
      .execute();
    await migrator.migrateToLatest();
    const names = (await handle.db.selectFrom("organisations").select("name").execute()).map((r) => r.name);
    expect(names).toHaveLength(3);
    expect(names).toContain("Fjernby Kommune");
    // The two created in the same statement are equally old: either keeps its name, the other is marked.
    const egeby = names.filter((name) => name.toLowerCase().startsWith("egeby")).sort();
    expect([
      ["Egeby Kommune", "egeby kommune (dublet 2)"],
      ["Egeby Kommune (dublet 2)", "egeby kommune"],
    ]).toContainEqual(egeby);
  } finally {
    await handle.close();
  }
});
