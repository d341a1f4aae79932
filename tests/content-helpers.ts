/** Compiles a small course written inline, for tests of the content format. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { compileContent } from "../app/content/compile.server";
import type { CompiledCourse } from "../app/content/types";

export const MODULE_MDX = `---
title: Testmodul
summary: Et modul til test.
order: 1
legalBasis: ["RSL § 10"]
estimatedMinutes: 10
legalAsOf: 2026-12-01
---

Introduktion til testmodulet.
`;

/**
 * The moment test courses are compiled at, so that a fixture's legalAsOf and satser do not start
 * to warn as the calendar moves on. Tests of those warnings pass their own.
 */
export const TEST_NOW = new Date("2026-12-04T10:00:00Z");

/**
 * `files` maps paths under content/ (e.g. "test/01-lektion.mdx", "satser.yml") to their source.
 */
export async function compileFiles(files: Record<string, string>, now: Date = TEST_NOW): Promise<CompiledCourse> {
  const root = mkdtempSync(path.join(tmpdir(), "sagslab-content-"));
  try {
    for (const [file, source] of Object.entries(files)) {
      const full = path.join(root, "content", file);
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, source);
    }
    return await compileContent(path.join(root, "content"), root, { now });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export function activity(frontmatter: Record<string, unknown>, body: string) {
  const yaml = Object.entries(frontmatter)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join("\n");
  return `---\n${yaml}\n---\n\n${body}\n`;
}

/** One activity file in a module of its own; returns the compiled course. */
export function compileActivity(type: string, body: string, extra: Record<string, unknown> = {}) {
  return compileFiles({
    "test/module.mdx": MODULE_MDX,
    "test/01-aktivitet.mdx": activity(
      { id: "test-aktivitet", title: "Aktivitet", type, estimatedMinutes: 5, ...extra },
      body,
    ),
  });
}
