import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { DataDirLockedError, lockDataDir } from "./lock.server";

const freshDir = () => mkdtempSync(path.join(tmpdir(), "sagslab-lock-"));

test("the first process takes the lock, and releasing it removes the lock file", () => {
  const dir = freshDir();
  const release = lockDataDir(dir);
  expect(readFileSync(path.join(dir, "sagslab.lock"), "utf8")).toBe(String(process.pid));
  release();
  expect(existsSync(path.join(dir, "sagslab.lock"))).toBe(false);
});

test("a second process is refused with a message naming the folder, while the first still runs", async () => {
  const dir = freshDir();
  const other = spawn("sleep", ["30"]);
  try {
    writeFileSync(path.join(dir, "sagslab.lock"), String(other.pid));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(
      `Den indlejrede database i ${dir} bruges allerede af en anden proces (pid ${other.pid})`,
    );
  } finally {
    other.kill();
    await new Promise((resolve) => other.once("exit", resolve));
  }
  // The holder has ended: its lock is stale and is taken over.
  const release = lockDataDir(dir);
  expect(readFileSync(path.join(dir, "sagslab.lock"), "utf8")).toBe(String(process.pid));
  release();
});
