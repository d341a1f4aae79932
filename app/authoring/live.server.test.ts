/**
 * Live while writing: the event stream the author pages listen to sends a new content version
 * when a file under content/ is saved, and the course it then serves has the new text, or the
 * check's problems when the file is broken (never a crash).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { contentVersion, getCourse } from "~/content/content.server";
import { authorOverview } from "./authoring.server";
import { liveContentResponse } from "./live.server";

let root: string;
const moduleFile = () => path.join(root, "content", "eksempel", "module.mdx");

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), "sagslab-live-"));
  cpSync(path.resolve("tests/fixtures/content/eksempel"), path.join(root, "content", "eksempel"), { recursive: true });
  process.env.CONTENT_DIR = path.join(root, "content");
});
afterAll(() => {
  delete process.env.CONTENT_DIR;
  rmSync(root, { recursive: true, force: true });
});

/** Reads server-sent events from a response body, one `version` event at a time. */
function versions(response: Response) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  return async function next(): Promise<string> {
    for (;;) {
      const match = /event: version\ndata: (.*)\n\n/.exec(buffer);
      if (match) {
        buffer = buffer.slice(match.index + match[0].length);
        return match[1]!;
      }
      const { value, done } = await reader.read();
      if (done) throw new Error("the stream ended");
      buffer += value;
    }
  };
}

test("saving a file sends a new version within a second; the course then has the edit or its problems", async () => {
  const abort = new AbortController();
  const response = liveContentResponse(abort.signal, { intervalMs: 50 });
  expect(response.headers.get("Content-Type")).toMatch(/^text\/event-stream/);
  const next = versions(response);
  const first = await next();
  expect((await getCourse()).modules[0]!.title).toBe("Eksempelmodul – sådan virker Sagslab");

  const original = readFileSync(moduleFile(), "utf8");
  writeFileSync(moduleFile(), original.replace("title: Eksempelmodul – sådan virker Sagslab", "title: Nyt navn"));
  const started = Date.now();
  const second = await next();
  expect(second).not.toBe(first);
  expect(Date.now() - started).toBeLessThan(1500);
  expect((await getCourse()).modules[0]!.title).toBe("Nyt navn");

  // A broken file: the next version comes with the content check's problem, not an exception.
  writeFileSync(moduleFile(), original.replace("order: 99", "order: ni"));
  const third = await next();
  expect(third).not.toBe(second);
  const course = await getCourse();
  expect(course.problems.map((p) => `${p.file.split("/").slice(-2).join("/")}:${p.line}`)).toEqual([
    "eksempel/module.mdx:4",
  ]);
  expect(authorOverview(course).otherProblems).toHaveLength(1);

  abort.abort();
});

test("a file that vanishes between listing and stat (a dangling link here) is skipped, not a rejection", async () => {
  const link = path.join(root, "content", "eksempel", ".#module.mdx");
  symlinkSync(path.join(root, "gone"), link);
  try {
    await expect(contentVersion()).resolves.toMatch(/^[0-9a-f]{16}$/);
  } finally {
    rmSync(link);
  }
});

test("an abort while the first version is being read still closes the stream and leaves no timers", async () => {
  vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
  try {
    const abort = new AbortController();
    const response = liveContentResponse(abort.signal, { intervalMs: 50 });
    abort.abort(); // start() is now awaiting contentVersion()
    const reader = response.body!.getReader();
    const ended = (async () => {
      while (!(await reader.read()).done);
      return "ended";
    })();
    const timeout = new Promise((resolve) => setTimeout(() => resolve("still open"), 2000));
    expect(await Promise.race([ended, timeout])).toBe("ended");
    expect(vi.getTimerCount()).toBe(0);
  } finally {
    vi.useRealTimers();
  }
});
