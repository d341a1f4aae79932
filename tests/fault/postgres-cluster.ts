/**
 * A private PostgreSQL cluster for fault tests: `initdb` into a temporary folder with the
 * machine's PostgreSQL binaries, on a free port, so a test may restart, kill and stop it without
 * touching the shared server. As root (CI), the cluster runs as the `postgres` OS user.
 */
import { execFile, execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

export interface PostgresCluster {
  url: string;
  port: number;
  /** `pg_ctl start`; resolves when the server accepts connections. */
  start(): Promise<void>;
  /** `pg_ctl stop -m fast`: ends every session (57P01) and shuts down cleanly. */
  stop(): Promise<void>;
  /** `pg_ctl stop -m immediate`: the postmaster quits at once, as when it is killed. */
  kill(): Promise<void>;
  /** `pg_ctl restart -m fast`. */
  restart(): Promise<void>;
  destroy(): void;
}

/** The newest PostgreSQL binaries on the machine, or null. */
export function findPostgresBinaries(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((name) => existsSync(path.join(root, name, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], "bin") : null;
}

/** Why the fault tests cannot run here, or "" when they can. */
export function clusterUnavailableReason(): string {
  if (!findPostgresBinaries()) {
    return 'PostgreSQL-programmerne (initdb, pg_ctl) findes ikke under /usr/lib/postgresql; installér "postgresql".';
  }
  const root = process.getuid?.() === 0;
  if (root && spawnSync("id", ["-u", "postgres"], { stdio: "ignore" }).status !== 0) {
    return 'Testene kører som root, men OS-brugeren "postgres" findes ikke (initdb kan ikke køre som root).';
  }
  return "";
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

export async function createCluster(): Promise<PostgresCluster> {
  const bin = findPostgresBinaries();
  if (!bin) throw new Error(clusterUnavailableReason());
  const asPostgres = process.getuid?.() === 0;
  const folder = mkdtempSync(path.join(tmpdir(), "sagslab-pg-"));
  const dataDir = path.join(folder, "data");
  const log = path.join(folder, "server.log");
  if (asPostgres) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(folder, uid, gid);
  }
  // Asynchronous: the test's own HTTP load goes on while pg_ctl waits.
  const run = async (program: string, args: string[]) => {
    const command = asPostgres ? "runuser" : path.join(bin, program);
    const commandArgs = asPostgres ? ["-u", "postgres", "--", path.join(bin, program), ...args] : args;
    try {
      await execFileAsync(command, commandArgs, { cwd: folder });
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr ?? "";
      throw new Error(`${program} ${args.join(" ")} failed: ${stderr}`);
    }
  };
  const port = await freePort();
  await run("initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"]);
  // fsync off: the tests stop and kill the server, never the machine, so the OS keeps what was written.
  const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`;
  const cluster: PostgresCluster = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start: () => run("pg_ctl", ["-D", dataDir, "-o", options, "-l", log, "-w", "start"]),
    stop: () => run("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "stop"]),
    kill: () => run("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]),
    restart: () => run("pg_ctl", ["-D", dataDir, "-o", options, "-l", log, "-m", "fast", "-w", "restart"]),
    destroy: () => {
      spawnSync(asPostgres ? "runuser" : path.join(bin, "pg_ctl"), [
        ...(asPostgres ? ["-u", "postgres", "--", path.join(bin, "pg_ctl")] : []),
        "-D",
        dataDir,
        "-m",
        "immediate",
        "stop",
      ]);
      rmSync(folder, { recursive: true, force: true });
    },
  };
  await cluster.start();
  return cluster;
}
