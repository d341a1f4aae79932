/**
 * The database engines the database tests run on: the embedded one always, and a PostgreSQL
 * server when TEST_DATABASE_URL is set (CI sets it). Each call gives a fresh, migrated database.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
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

export interface TestDatabase extends DatabaseHandle {
  /** Closes this handle and opens the same data again, as a restarted app would. */
  reopen(): Promise<DatabaseHandle>;
}

export async function freshDatabase(engine: Engine, options: { persistent?: boolean } = {}): Promise<TestDatabase> {
  if (engine === "pglite") {
    const dump = new Blob([readFileSync(inject("migratedDump"))]);
    if (!options.persistent) {
      const handle = await openEmbedded({ loadDataDir: dump });
      return { ...handle, reopen: () => Promise.reject(new Error("an in-memory database cannot be reopened")) };
    }
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "sagslab-db-")), "data");
    const handle = await openEmbedded({ dataDir, loadDataDir: dump });
    return {
      ...handle,
      reopen: async () => {
        await handle.close();
        return openEmbedded({ dataDir });
      },
    };
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
    reopen: async () => {
      await handle.close();
      return openPostgres(url.toString());
    },
    close: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
