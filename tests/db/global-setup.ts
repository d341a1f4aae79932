/**
 * Prepares the embedded database the database tests run on: migrated once and dumped, so each
 * test loads it in half a second instead of creating a cluster. (On a PostgreSQL server, each
 * test file creates its own database; see ./engines.ts.)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrateToLatest, openEmbedded } from "../../app/db/database.server";

const DUMP_FILE = path.resolve("tests/.artifacts/migrated.tar.gz");

export default async function setup(project: TestProject) {
  const handle = await openEmbedded({});
  await migrateToLatest(handle.db);
  const dump = await handle.pglite!.dumpDataDir("gzip");
  mkdirSync(path.dirname(DUMP_FILE), { recursive: true });
  writeFileSync(DUMP_FILE, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide("migratedDump", DUMP_FILE);
}

declare module "vitest" {
  export interface ProvidedContext {
    migratedDump: string;
  }
}
