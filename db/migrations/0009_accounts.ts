// Migrations are frozen in time: Kysely<any>, no app imports (see 0001).
import { sql, type Kysely } from "kysely";

/**
 * Accounts the municipality's way (issue 16): single sign-on identities, invitations and password
 * resets by e-mail, sessions a user can list, accounts without a password, and kommune names that
 * are unique regardless of case and surrounding spaces.
 */
// Kysely<any> on purpose: see the note at the top.
export async function up(db: Kysely<any>): Promise<void> {
  // An imported or invited account has no password until its owner sets one, and an account that
  // signs in only with single sign-on may never get one.
  await db.schema
    .alterTable("users")
    .alterColumn("password_hash", (c) => c.dropNotNull())
    .execute();

  // Kommune names: trimmed, and the same name in another case becomes visible as a duplicate the
  // administrator can rename, instead of the migration failing on existing data.
  await sql`update organisations set name = btrim(name) where name <> btrim(name)`.execute(db);
  await sql`
    with ranked as (
      select id, row_number() over (partition by lower(name) order by created_at, id) as n
      from organisations
    )
    update organisations o set name = o.name || ' (dublet ' || ranked.n || ')'
    from ranked where ranked.id = o.id and ranked.n > 1`.execute(db);
  await sql`create unique index organisations_name_folded on organisations (lower(btrim(name)))`.execute(db);

  // The provider's subject identifies a person only together with the issuer (OpenID Connect Core 1.0, 2).
  await db.schema
    .createTable("user_identities")
    .addColumn("issuer", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    /** The verified e-mail the account was linked by (null when created or linked another way). */
    .addColumn("linked_email", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("last_login_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("user_identities_pk", ["issuer", "subject"])
    .execute();
  await db.schema.createIndex("user_identities_user_id").on("user_identities").column("user_id").execute();

  // An invitation by e-mail. The link carries a random token; only its SHA-256 is stored, so a
  // copy of the database opens no account. `user_id` is set when the account exists already (an
  // imported user, or someone invited to one more cohort); otherwise acceptance creates it.
  await db.schema
    .createTable("invitations")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('learner', 'trainer', 'author', 'admin')`))
    .addColumn("organisation_id", "uuid", (c) => c.references("organisations.id").onDelete("set null"))
    .addColumn("cohort_id", "uuid", (c) => c.references("cohorts.id").onDelete("cascade"))
    .addColumn("user_id", "uuid", (c) => c.references("users.id").onDelete("cascade"))
    .addColumn("invited_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("accepted_at", "timestamptz")
    .addColumn("accepted_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .execute();
  await db.schema.createIndex("invitations_email").on("invitations").column("email").execute();
  await db.schema.createIndex("invitations_cohort_id").on("invitations").column("cohort_id").execute();
  await db.schema.createIndex("invitations_user_id").on("invitations").column("user_id").execute();

  // A password reset link: stored hashed, valid one hour, used once.
  await db.schema
    .createTable("password_resets")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("used_at", "timestamptz")
    .execute();
  await db.schema.createIndex("password_resets_user_id").on("password_resets").column("user_id").execute();

  // An OpenID Connect login under way: what the callback must check, bound to the browser by a
  // cookie whose token is stored hashed (as sessions are). Deleted when the callback uses it.
  await db.schema
    .createTable("oidc_logins")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("nonce", "text", (c) => c.notNull())
    .addColumn("code_verifier", "text", (c) => c.notNull())
    .addColumn("redirect_to", "text", (c) => c.notNull())
    .addColumn("invitation_id", "uuid", (c) => c.references("invitations.id").onDelete("cascade"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .execute();

  // What a user sees of their sessions on "Min konto", and how the session was opened: a single
  // sign-on session keeps its ID token for the provider's end-session endpoint at logout.
  await db.schema
    .alterTable("sessions")
    .addColumn("user_agent", "text")
    .addColumn("client_address", "text")
    .addColumn("auth_method", "text", (c) => c.notNull().defaultTo("password"))
    .addColumn("id_token", "text")
    .execute();
}

// Kysely<any> on purpose: see the note at the top.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("sessions")
    .dropColumn("user_agent")
    .dropColumn("client_address")
    .dropColumn("auth_method")
    .dropColumn("id_token")
    .execute();
  await db.schema.dropTable("oidc_logins").execute();
  await db.schema.dropTable("password_resets").execute();
  await db.schema.dropTable("invitations").execute();
  await db.schema.dropTable("user_identities").execute();
  await sql`drop index organisations_name_folded`.execute(db);
  // Accounts without a password cannot get one back here: give them an unusable hash.
  await sql`update users set password_hash = '!' where password_hash is null`.execute(db);
  await db.schema
    .alterTable("users")
    .alterColumn("password_hash", (c) => c.setNotNull())
    .execute();
}
