/**
 * nginx in front of app replicas, configured by the production config itself: deploy/nginx.conf
 * (the one docker-compose.yml mounts) with only Docker's parts replaced: its resolver and the
 * `server app:3000 resolve` line become one `server` line per replica, and `listen 80` a free
 * port on 127.0.0.1. Every proxied request is written to an access log with the replica that
 * answered it. Debian's nginx (1.22) runs it; skipped with a message where nginx is missing.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../browser/app-server";

export const NGINX = "/usr/sbin/nginx";

export function nginxUnavailableReason(): string {
  return existsSync(NGINX) ? "" : `nginx findes ikke (${NGINX}); installér det med "apt-get install -y nginx-light".`;
}

export interface LoadBalancer {
  url: string;
  /** One entry per proxied request: the replica address(es) nginx tried and the final status. */
  accessLog(): { upstream: string; status: number; request: string }[];
  /** What nginx wrote to its error log. */
  errorLog(): string;
  stop(): Promise<void>;
}

/** deploy/nginx.conf with the replicas at `upstreams` (host:port) and nginx listening on `port`. */
export function productionConfig(upstreams: string[], port: number): string {
  const config = readFileSync(path.resolve("deploy/nginx.conf"), "utf8");
  const servers = /^\s*server app:3000 resolve (.*);$/m.exec(config);
  if (!servers) throw new Error("deploy/nginx.conf has no 'server app:3000 resolve …;' line");
  const replaced = config
    .replace(/^resolver .*;$/m, "")
    .replace(servers[0], upstreams.map((upstream) => `    server ${upstream} ${servers[1]};`).join("\n"))
    .replace(/^(\s*)listen 80;$/m, `$1listen 127.0.0.1:${port};`);
  if (!replaced.includes(`listen 127.0.0.1:${port};`)) throw new Error("deploy/nginx.conf has no 'listen 80;' line");
  return replaced;
}

export async function startLoadBalancer(upstreams: string[]): Promise<LoadBalancer> {
  const folder = mkdtempSync(path.join(tmpdir(), "sagslab-nginx-"));
  // As root the workers run as "nobody": they must be able to use the temporary folders.
  chmodSync(folder, 0o755);
  for (const temp of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) {
    mkdirSync(path.join(folder, temp));
    chmodSync(path.join(folder, temp), 0o777);
  }
  const port = await freePort();
  const errorLog = path.join(folder, "error.log");
  const accessLog = path.join(folder, "access.log");
  writeFileSync(
    path.join(folder, "nginx.conf"),
    `daemon off;
worker_processes 1;
pid ${folder}/nginx.pid;
error_log ${errorLog} warn;
events { worker_connections 512; }
http {
  log_format replica '$upstream_addr\\t$status\\t$request';
  access_log ${accessLog} replica;
  client_body_temp_path ${folder}/body;
  proxy_temp_path ${folder}/proxy;
  fastcgi_temp_path ${folder}/fastcgi;
  uwsgi_temp_path ${folder}/uwsgi;
  scgi_temp_path ${folder}/scgi;
${productionConfig(upstreams, port)}
}
`,
  );
  const child: ChildProcess = spawn(NGINX, ["-p", folder, "-c", path.join(folder, "nginx.conf"), "-e", errorLog], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx stopped while starting:\n${output}${readLog(errorLog)}`);
    if (
      await fetch(`${url}/healthz`).then(
        () => true,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`nginx did not answer within 10 s:\n${output}${readLog(errorLog)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    accessLog: () =>
      readLog(accessLog)
        .split("\n")
        .filter(Boolean)
        .map((line) => {
          const [upstream = "", status = "0", request = ""] = line.split("\t");
          return { upstream, status: Number(status), request };
        }),
    errorLog: () => readLog(errorLog),
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

function readLog(file: string): string {
  return existsSync(file) ? readFileSync(file, "utf8") : "";
}
