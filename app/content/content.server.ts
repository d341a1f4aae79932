/**
 * The one content loader. In production it reads the course that `npm run build` compiled
 * (`build/content/course.json`) and never compiles MDX. In development it compiles `content/`
 * on demand and again whenever a file changes, so an edit shows on the next page load.
 */
import { createHash } from "node:crypto";
import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { Activity, CompiledCourse, CourseModule } from "./types";
import { remember } from "~/utils/remember.server";
import { CONTENT_FORMAT_VERSION } from "./version";

/** Where the build stores the compiled course; COURSE_FILE points the server at another (tests). */
export const COURSE_FILE = process.env.COURSE_FILE ?? path.join("build", "content", "course.json");

const contentDir = () => path.resolve(process.env.CONTENT_DIR ?? "content");
const isProduction = () => process.env.NODE_ENV === "production";

interface Cache {
  course: CompiledCourse;
  signature: string;
}
const holder = remember("course", (): { course?: Promise<Cache> | Cache; override?: CompiledCourse } => ({}));

export async function getCourse(): Promise<CompiledCourse> {
  if (holder.override) return holder.override;
  if (isProduction()) {
    holder.course ??= readCompiledCourse();
    return (await holder.course).course;
  }
  return compileIfChanged();
}

async function readCompiledCourse(): Promise<Cache> {
  const file = path.resolve(COURSE_FILE);
  const text = await readFile(file, "utf8").catch(() => {
    throw new Error(`Det kompilerede indhold mangler (${file}). Kør "npm run build" først.`);
  });
  const course = JSON.parse(text) as CompiledCourse;
  if (course.formatVersion !== CONTENT_FORMAT_VERSION) {
    throw new Error(`${file} er bygget af en anden version af Sagslab. Kør "npm run build" igen.`);
  }
  return { course, signature: "" };
}

/** A cheap fingerprint of the content folder: every file's path, size and modification time. */
async function signatureOf(dir: string): Promise<string> {
  const parts: string[] = [];
  const walk = async (folder: string) => {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) await walk(full);
      else {
        // A file can vanish between readdir and stat (editor swap files, git checkout): skip it.
        const info = await stat(full).catch(() => null);
        if (info) parts.push(`${full}:${info.size}:${info.mtimeMs}`);
      }
    }
  };
  await walk(dir);
  return parts.join("\n");
}

let compiling: Promise<Cache> | null = null;

async function compileIfChanged(): Promise<CompiledCourse> {
  const dir = contentDir();
  const signature = await signatureOf(dir);
  const cached = holder.course;
  if (cached && !(cached instanceof Promise) && cached.signature === signature) return cached.course;
  // One compilation at a time; requests arriving meanwhile wait for it.
  compiling ??= (async () => {
    const { compileContent } = await import("./compile.server");
    const course = await compileContent(dir, process.cwd());
    const result = { course, signature };
    holder.course = result;
    return result;
  })().finally(() => {
    compiling = null;
  });
  return (await compiling).course;
}

/**
 * What identifies the content now: in development a hash of the content folder's signature (it
 * changes the moment an author saves a file), in production the time the build compiled it.
 * The author pages poll it to refresh themselves while the author writes.
 */
export async function contentVersion(): Promise<string> {
  if (holder.override) return holder.override.compiledAt;
  if (isProduction()) return (await getCourse()).compiledAt;
  return createHash("sha256").update(await signatureOf(contentDir())).digest("hex").slice(0, 16);
}

/** Tests run against a course of their own (usually the fixture course). */
export function useCourseForTests(course: CompiledCourse | undefined) {
  holder.override = course;
}

/** Modules a learner or trainer sees: drafts are for authors only. */
export function publishedModules(course: CompiledCourse): CourseModule[] {
  return course.modules.filter((module) => !module.draft);
}

export function findModule(course: CompiledCourse, moduleId: string, options: { includeDrafts?: boolean } = {}) {
  const module = course.modules.find((m) => m.id === moduleId);
  return module && (!module.draft || options.includeDrafts) ? module : undefined;
}

export function findActivity(module: CourseModule, activityId: string): Activity | undefined {
  return module.activities.find((activity) => activity.id === activityId);
}

