/**
 * The one database module. With DATABASE_URL the app talks to a PostgreSQL server through a
 * `pg` pool; without it, to an embedded PostgreSQL (PGlite) in DATA_DIR (default `.data/`),
 * locked to this process. Both get the same migrations and the same type parsing, so every
 * query returns the same JavaScript values on both engines.
 */
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import {
  Kysely,
  PGliteDialect,
  PostgresDialect,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type TransactionSettings,
} from "kysely";
import { Migrator } from "kysely/migration";
import pg from "pg";
import { migrations } from "../../db/migrations";
import { getEnv } from "~/utils/env.server";
import { lockDataDir } from "./lock.server";
import type { Database } from "./schema";
import { remember } from "~/utils/remember.server";

export type DB = Kysely<Database>;

/**
 * Runs `work` in a transaction: the caller's, when `db` already is one (so a change and what it
 * must not happen without, such as its audit log entry, commit together), or a new one.
 */
export function inTransaction<T>(db: DB, work: (trx: DB) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/** Whether a query failed on a unique constraint (SQLSTATE 23505), on either engine. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "23505";
}
export type Engine = "pglite" | "postgres";

export interface DatabaseHandle {
  db: DB;
  engine: Engine;
  /** Where the data lives, for messages (a folder or a server address without password). */
  location: string;
  /** The embedded engine itself, for dumping a migrated database in tests. */
  pglite?: PGlite;
  close(): Promise<void>;
}

// The same JavaScript value on both engines: counts (int8) and numerics as numbers,
// dates (a calendar day, no time zone) as "YYYY-MM-DD".
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const parsers = {
  [INT8]: (value: string) => Number.parseInt(value, 10),
  [NUMERIC]: (value: string) => Number.parseFloat(value),
  [DATE]: (value: string) => value,
};

export async function openPostgres(connectionString: string): Promise<DatabaseHandle> {
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    // A server that does not answer at all (a network gone) must not hold requests forever:
    // they get 503 instead (app/route-guard.server.ts).
    connectionTimeoutMillis: 5_000,
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid in parsers
          ? parsers[oid as keyof typeof parsers]
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // pg reports a failing idle connection (a server restart, a terminated backend) on the pool,
  // and a failing connection that a request has checked out (inside a transaction) on that
  // client. Without a listener on each, Node would end the whole app (57P01 on a restart). The
  // request's query fails and is answered 503; the pool drops the client and opens a new one.
  pool.on("error", (error) => console.error(`PostgreSQL: en ledig forbindelse blev afbrudt: ${error.message}`));
  pool.on("connect", (client) => {
    client.on("error", (error) => console.error(`PostgreSQL: en forbindelse i brug blev afbrudt: ${error.message}`));
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const url = new URL(connectionString);
  url.password = "";
  return { db, engine: "postgres", location: url.toString(), close: () => db.destroy() };
}

/**
 * An embedded database. `dataDir` undefined means in memory (tests); `loadDataDir` starts
 * from a dump instead of creating the cluster from scratch (seconds faster).
 */
export async function openEmbedded(options: { dataDir?: string; loadDataDir?: Blob }): Promise<DatabaseHandle> {
  let release = () => {};
  if (options.dataDir) {
    release = lockDataDir(options.dataDir);
    mkdirSync(options.dataDir, { recursive: true });
  }
  try {
    const pglite = await PGlite.create({
      dataDir: options.dataDir,
      loadDataDir: options.loadDataDir,
      parsers,
    });
    const db = new Kysely<Database>({ dialect: new SerializedPGliteDialect(pglite) });
    return {
      db,
      engine: "pglite",
      pglite,
      location: options.dataDir ?? "(i hukommelsen)",
      close: async () => {
        await db.destroy();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * PGlite has one connection. Kysely's PGlite driver hands that one connection to every caller,
 * so a request's query could run inside another request's transaction. This dialect queues
 * callers: a connection is held from acquire to release, as in a pool of size one.
 */
class SerializedPGliteDialect implements Dialect {
  readonly #inner: PGliteDialect;
  constructor(pglite: PGlite) {
    this.#inner = new PGliteDialect({ pglite });
  }
  createAdapter() {
    return this.#inner.createAdapter();
  }
  createDriver(): Driver {
    return new SerializedDriver(this.#inner.createDriver());
  }
  createIntrospector(db: Kysely<unknown>) {
    return this.#inner.createIntrospector(db);
  }
  createQueryCompiler() {
    return this.#inner.createQueryCompiler();
  }
}

class SerializedDriver implements Driver {
  #queue: Promise<void> = Promise.resolve();
  #release: (() => void) | null = null;
  constructor(readonly inner: Driver) {}

  init() {
    return this.inner.init();
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.#queue;
    let release!: () => void;
    this.#queue = new Promise<void>((resolve) => (release = resolve));
    await previous;
    this.#release = release;
    return this.inner.acquireConnection();
  }
  async releaseConnection(connection: DatabaseConnection) {
    await this.inner.releaseConnection(connection);
    const release = this.#release;
    this.#release = null;
    release?.();
  }
  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    return this.inner.beginTransaction(connection, settings);
  }
  commitTransaction(connection: DatabaseConnection) {
    return this.inner.commitTransaction(connection);
  }
  rollbackTransaction(connection: DatabaseConnection) {
    return this.inner.rollbackTransaction(connection);
  }
  destroy() {
    return this.inner.destroy();
  }
}

export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    // Migration numbers are handed out to work done in parallel, so a lower number can land after
    // a higher one has run on a database; each migration stands alone, so the order between them
    // does not matter.
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === "Error");
  if (error || failed) {
    throw new Error(`Databasen kunne ikke opdateres (migration ${failed?.migrationName ?? "?"}): ${String(error)}`);
  }
}

/** Opens the database the environment names and brings its schema up to date. */
export async function openConfiguredDatabase(): Promise<DatabaseHandle> {
  const env = getEnv();
  const handle = env.DATABASE_URL ? await openPostgres(env.DATABASE_URL) : await openEmbedded({ dataDir: env.dataDir });
  try {
    await migrateToLatest(handle.db);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

// One handle per process, kept across development rebuilds so they reuse it instead of
// opening the embedded folder a second time.
const holder = remember("database", (): { handle?: Promise<DatabaseHandle> } => ({}));

/** The app's database, opened (and migrated) on first use. */
export function getDatabase(): Promise<DatabaseHandle> {
  holder.handle ??= openConfiguredDatabase().catch((error: unknown) => {
    holder.handle = undefined;
    throw error;
  });
  return holder.handle;
}

export async function getDb(): Promise<DB> {
  return (await getDatabase()).db;
}

/** Tests and scripts install their own handle (an in-memory or test server database). */
export function useDatabase(handle: DatabaseHandle) {
  holder.handle = Promise.resolve(handle);
}

export async function closeDatabase(): Promise<void> {
  const pending = holder.handle;
  holder.handle = undefined;
  if (pending) await (await pending).close();
}
