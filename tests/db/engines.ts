/**
 * The database engines the database tests run on: the embedded one always, and a PostgreSQL
 * server when TEST_DATABASE_URL is set (CI sets it). Each call gives a fresh, migrated database.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { inject } from "vitest";
import {
  migrateToLatest,
  openEmbedded,
  openPostgres,
  type DatabaseHandle,
  type Engine,
} from "../../app/db/database.server";

export const engines: Engine[] = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

export async function freshDatabase(engine: Engine): Promise<DatabaseHandle> {
  if (engine === "pglite") {
    const dump = readFileSync(inject("migratedDump"));
    return openEmbedded({ loadDataDir: new Blob([dump]) });
  }
  const serverUrl = process.env.TEST_DATABASE_URL!;
  const name = `sagslab_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString());
  await migrateToLatest(handle.db);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
