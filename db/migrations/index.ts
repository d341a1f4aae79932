/**
 * Every migration, in order. A static list (rather than reading the folder) so the migrations
 * bundle into the server build and run under vitest without a TypeScript loader.
 */
import type { Migration } from "kysely/migration";
import * as m0001 from "./0001_foundation";
import * as m0002 from "./0002_cases";
import * as m0003 from "./0003_quizzes_evaluations";
import * as m0004 from "./0004_trainer_dashboard";
import * as m0006 from "./0006_audit_log";
import * as m0007 from "./0007_begrundelse";
import * as m0008 from "./0008_cohort_management";
import * as m0009 from "./0009_accounts";
import * as m0005 from "./0005_certificates";
import * as m0011 from "./0011_learning";

export const migrations: Record<string, Migration> = {
  "0001_foundation": m0001,
  "0002_cases": m0002,
  "0003_quizzes_evaluations": m0003,
  "0004_trainer_dashboard": m0004,
  "0006_audit_log": m0006,
  "0007_begrundelse": m0007,
  "0008_cohort_management": m0008,
  "0009_accounts": m0009,
  "0005_certificates": m0005,
  "0011_learning": m0011,
};
