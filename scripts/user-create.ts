/**
 * `npm run user:create -- --email … --name … --role … [--password …] [--organisation …]`
 * Creates an account from the shell. Without --password a strong one is generated and printed once.
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { z } from "zod";
import { ALL_ROLES } from "~/auth/roles";
import { closeDatabase, getDatabase } from "~/db/database.server";
import { createUser, EmailTakenError } from "~/users/users.server";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      password: { type: "string" },
      organisation: { type: "string" },
    },
  }));
} catch (error) {
  fail(
    `${(error as Error).message}\nBrug: npm run user:create -- --email <e-mail> --name <navn> --role <${ALL_ROLES.join("|")}>`,
  );
}
if (!values.email || !values.name || !values.role) {
  fail(
    `Mangler --email, --name eller --role.\nBrug: npm run user:create -- --email <e-mail> --name <navn> --role <${ALL_ROLES.join("|")}>`,
  );
}

const generated = !values.password;
const password = values.password ?? randomBytes(12).toString("base64url");

let handle;
try {
  handle = await getDatabase();
} catch (error) {
  fail((error as Error).message);
}
try {
  let organisationId: string | null = null;
  if (values.organisation) {
    const organisation = await handle.db
      .insertInto("organisations")
      .values({ name: values.organisation })
      .onConflict((oc) => oc.column("name").doUpdateSet({ name: values.organisation! }))
      .returning("id")
      .executeTakeFirstOrThrow();
    organisationId = organisation.id;
  }
  const user = await createUser(handle.db, {
    email: values.email,
    name: values.name,
    role: values.role as (typeof ALL_ROLES)[number],
    password,
    organisationId,
  });
  console.log(`Brugeren ${user.name} <${user.email}> er oprettet med rollen ${user.role}.`);
  if (generated) console.log(`Adgangskode (vises kun nu): ${password}`);
} catch (error) {
  if (error instanceof z.ZodError) fail(error.issues.map((issue) => issue.message).join("\n"));
  if (error instanceof EmailTakenError) fail(error.message);
  throw error;
} finally {
  await closeDatabase();
}
