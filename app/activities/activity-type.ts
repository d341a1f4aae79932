/**
 * What an activity type is. Each type is one folder, `app/activities/<type>/`, whose `index.ts`
 * exports one `ActivityTypeEntry`; `registry.ts` lists the entries. Nothing outside the folder
 * switches on the type: the content compiler, the activity page, the module page, the
 * certificate, the cohort dashboard and the export ask the entry. docs/decisions/0009 has the why.
 *
 * The entry is imported by the browser too (the activity page picks its component from it), so
 * the content definition and the server module are reached through `import()`: the browser
 * bundle never loads them, the server resolves them once.
 */
import type { data, redirect } from "@remix-run/node";
import type { ColumnType, ExportValue } from "~/trainer/export-table";
import type { RawBuilder } from "kysely";
import type { ComponentType } from "react";
import type { SessionUser } from "~/auth/session.server";
import type { ProseHtml } from "~/components/prose";
import type { ComponentSpec } from "~/content/format";
import type { ComponentNode, Problem } from "~/content/mdx-tree";
import type { Fragments } from "~/content/structure";
import type { ActivityBase, CourseModule } from "~/content/types";
import type { DB } from "~/db/database.server";
import type { Database } from "~/db/schema";
import type { FormReply } from "~/forms/reply";
import type { Standing } from "~/progress/passing";
import type { CaseDefinition } from "./case/content";

// ---------------------------------------------------------------------------------------------
// Content: what `npm run build` and `npm run content:check` need

/** One activity file, read and rendered, handed to its type's builder. */
export interface ActivityFile {
  /** The activity's title (frontmatter), for a message that names the activity (the length warning). */
  title: string;
  /** Components at the top of the file, each with its nested components. */
  roots: ComponentNode[];
  /** The HTML of each component that holds prose (`prose: true`), by node number. */
  fragments: Fragments;
  /** The file's own prose, outside the type's components: a lesson, or the intro of a case. */
  html: string;
  /**
   * False when the file has errors that keep it from being rendered (a syntax error, an unknown
   * component): `fragments` and `html` are then empty, while `roots` still holds every component
   * that could be read. A rule about the text of a fragment waits for a rendered file.
   */
  rendered: boolean;
  /** Where the builder reports what breaks a rule of the content format. */
  problems: Problem[];
}

/** The fields a type adds to `ActivityBase`, including its `type`. */
export type OwnFields<A extends ActivityBase> = Omit<A, keyof ActivityBase>;

export type BuildResult<A extends ActivityBase> =
  /** `versionOf` is hashed into the activity's version: what an attempt must be played on. */
  | { activity: OwnFields<A>; versionOf: unknown }
  /** Not playable, but kept for the author's case map (a case whose graph breaks a rule). */
  | { unplayableCase: CaseDefinition }
  /** Not playable; the problems say why. */
  | null;

export interface ActivityContent<A extends ActivityBase> {
  /**
   * The MDX components of this type. A component that several types declare (`<Document>`) must
   * have the same attributes in each; where it may stand is the union of what they declare.
   */
  components: Record<string, ComponentSpec>;
  /** Reads the file's components into the activity and checks the rules that need only this file. */
  build(file: ActivityFile): BuildResult<A>;
}

// ---------------------------------------------------------------------------------------------
// Server: what the activity page, the module page and the trainer pages need

/** One request to the activity page (`/moduler/<module>/<activity>`), for an activity of this type. */
export interface ActivityRequest<A> {
  db: DB;
  user: SessionUser;
  module: CourseModule;
  activity: A;
  url: URL;
  /** The activity page's own path. */
  here: string;
  /**
   * The request came from this page itself (after an action on it, or reloading it), as the
   * same-origin Referer says; false when the learner comes to it from elsewhere or from nowhere.
   */
  fromHere?: boolean;
  /**
   * A prose fragment of the page (its HTML by a key unique on the page), sent once: in the markup
   * of a page load, in the data of a client-side navigation (app/components/prose.tsx). Absent
   * where a type's server is called directly (a test): the HTML is then inline (`inlineProse`).
   */
  prose?: (key: string, html: string) => ProseHtml;
}

/**
 * What an intent answers when it does not redirect: the one form reply (decision 0022), its
 * `formId` the form that was sent (its intent, `quiz.submit`), with the Danish messages and the
 * values to show again. A draft saved in the background adds `saved`.
 */
export type ActivityReply = FormReply & {
  /** A draft saved in the background (the page stays as it is): when, and the attempt it is in. */
  saved?: { at: string; iso: string; attemptId: string };
};

export type ActivityActionResult = ReturnType<typeof redirect> | ReturnType<typeof data<ActivityReply>>;

/** A form post to the activity page with `intent=<type>.<name>`. */
export type IntentHandler<A> = (request: ActivityRequest<A>, form: FormData) => Promise<ActivityActionResult>;

export type StatusTone = "done" | "partial" | "wrong" | "todo";

/** What the module page says about an activity for one learner. */
export interface ActivityStatus {
  label: string;
  tone: StatusTone;
  /** Extra lines, e.g. best and latest result of a case. */
  details: string[];
}

/**
 * A column of the cohort's export (CSV and .xlsx): its header, what it holds (so numbers are
 * numbers in Excel), and each participant's cell (null: empty).
 */
export interface ExportColumn {
  header: string;
  type: ColumnType;
  cell(userId: string): ExportValue;
}

/** A table where a learner's work on this type is stored, and the column that says when. */
export interface LearnerRecords {
  table: keyof Database;
  /** A timestamp column: the latest one is the learner's latest activity of this type. */
  at: string;
}

export interface ActivityServer<A extends ActivityBase, Page> {
  /** What the activity page shows this learner now. */
  load(request: ActivityRequest<A>): Promise<Page>;
  /**
   * The form intents the type accepts, by name (`choose` is posted as `case.choose`). Each one
   * parses its form, changes what it may, and records the completion when the pass rule is met
   * (`recordCompletion`): reading a lesson, passing a case or a quiz, submitting an evaluation.
   */
  intents: Record<string, IntentHandler<A>>;
  /**
   * The module page's status of this type's activities for one learner: one query for the
   * module, then a status per activity (`done`: passed by the pass rule of `passing.ts`).
   */
  statuses(db: DB, userId: string, moduleId: string): Promise<(activity: A, done: boolean) => ActivityStatus>;
  /**
   * What is still missing for an activity that is not passed, in a sentence a learner understands
   * (the module page and the certificate's refusal). `standing` says whether it was played.
   */
  missing(activity: A, standing: Standing): string;
  /**
   * Where a learner's work is stored beyond the completion (attempts, responses): a module counts
   * as begun from such a row, and it is part of the learner's "latest activity" for the trainer.
   */
  learnerRecords?: LearnerRecords;
  /**
   * The type's columns in the cohort export, counted in SQL for the cohort's participants
   * (`members`: a subquery of their user ids). Columns appear in the order of `exportOrder`.
   */
  exportColumns?(db: DB, members: RawBuilder<unknown>, activities: A[]): Promise<ExportColumn[]>;
  exportOrder?: number;
}

// ---------------------------------------------------------------------------------------------
// The entry

export interface ActivityViewProps<Page> {
  page: Page;
  /** The reply of the page's last form post, when it did not redirect. */
  reply?: ActivityReply;
}

export interface ActivityTypeEntry<A extends ActivityBase & { type: string }, Page> {
  /** The type's name in the Danish UI ("Case", "Lektion"). */
  label: string;
  /** The activity page's component, below the page's heading. */
  View: ComponentType<ActivityViewProps<Page>>;
  content: () => Promise<ActivityContent<A>>;
  server: () => Promise<ActivityServer<A, Page>>;
}
