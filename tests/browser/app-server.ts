/**
 * Starts the production build on a free port: on a copy of the seeded embedded test database, or
 * on the PostgreSQL server `databaseUrl` names.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { FIXTURE_COURSE, TEMPLATE_DATA_DIR } from "./global-setup";

export interface AppServer {
  url: string;
  dataDir: string;
  /** Whether the process is still running. */
  alive(): boolean;
  /** What the process wrote to stdout and stderr so far. */
  output(): string;
  /** The running process, for tests that signal it themselves. */
  process(): ChildProcess;
  /** Stops the process and starts a new one on the same data and port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
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

export async function startAppServer(
  options: {
    courseFile?: string;
    /** Runs on the copied database before the app opens it (the embedded database has one owner). */
    beforeStart?: (dataDir: string) => void;
    /** A PostgreSQL server to run on instead of a copy of the seeded embedded database. */
    databaseUrl?: string;
    /** A port chosen beforehand (an OpenID provider started first must know the app's address). */
    port?: number;
    /** More environment for the app (single sign-on, mail). */
    env?: Record<string, string>;
  } = {},
): Promise<AppServer> {
  const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "sagslab-browser-")), "data");
  if (!options.databaseUrl) {
    cpSync(TEMPLATE_DATA_DIR, dataDir, { recursive: true });
    options.beforeStart?.(dataDir);
  }
  let port = options.port ?? (await freePort());
  let url = `http://127.0.0.1:${port}`;

  const launch = async (): Promise<ChildProcess> => {
    const child = spawn(process.execPath, ["server/index.js"], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        PORT: String(port),
        DATA_DIR: dataDir,
        COURSE_FILE: options.courseFile ?? FIXTURE_COURSE,
        DATABASE_URL: options.databaseUrl ?? "",
        APP_URL: url,
        ...options.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new PortTakenOrStopped(output);
      const healthy = await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (healthy) return child;
      if (Date.now() > deadline) {
        child.kill("SIGKILL");
        throw new Error(`The app server did not answer /healthz within a minute:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  const terminate = async (child: ChildProcess) => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  };

  let output = "";
  // The free port was free when it was chosen; another process (a test running beside this one)
  // may take it before the app binds it. Then the app says so and exits, and another port is tried.
  const firstLaunch = async (attempt: number): Promise<ChildProcess> => {
    try {
      return await launch();
    } catch (error) {
      const taken = error instanceof PortTakenOrStopped && error.message.includes("bruges allerede");
      if (!taken || options.port !== undefined || attempt === 5) throw error;
      port = await freePort();
      url = `http://127.0.0.1:${port}`;
      return firstLaunch(attempt + 1);
    }
  };
  let child = await firstLaunch(1);
  return {
    url,
    dataDir,
    alive: () => child.exitCode === null && child.signalCode === null,
    output: () => output,
    process: () => child,
    restart: async () => {
      await terminate(child);
      child = await launch();
    },
    stop: async () => {
      await terminate(child);
      rmSync(path.dirname(dataDir), { recursive: true, force: true });
    },
  };
}

class PortTakenOrStopped extends Error {
  constructor(output: string) {
    super(`The app server stopped while starting:\n${output}`);
  }
}
