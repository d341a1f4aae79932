/**
 * The database as Kysely sees it: one interface per table. Keep in step with `db/migrations`:
 * `tests/db/schema.test.ts` compares it with the migrated database on both engines.
 */
import type { ColumnType, Generated, Insertable, Selectable } from "kysely";

/** A timestamptz column that the database fills in on insert. */
type CreatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type Role = "learner" | "trainer" | "author" | "admin";

export interface AppMetaTable {
  key: string;
  value: string;
  updated_at: CreatedAt;
}

export interface OrganisationsTable {
  id: Generated<string>;
  name: string;
  created_at: CreatedAt;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  /** Null for an account that has no password (invited or imported, or single sign-on only). */
  password_hash: string | null;
  role: Role;
  organisation_id: string | null;
  active: Generated<boolean>;
  created_at: CreatedAt;
  /** Last sign-in or request (written at most once a minute); RETENTION_MONTHS counts from it. */
  last_active_at: CreatedAt;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: CreatedAt;
  last_seen_at: CreatedAt;
  expires_at: Timestamp;
  user_agent: string | null;
  client_address: string | null;
  auth_method: ColumnType<AuthMethod, AuthMethod | undefined, AuthMethod>;
  /** The provider's ID token of a single sign-on session, sent as id_token_hint at logout. */
  id_token: string | null;
}

export type AuthMethod = "password" | "oidc";

export interface UserIdentitiesTable {
  issuer: string;
  subject: string;
  user_id: string;
  linked_email: string | null;
  created_at: CreatedAt;
  last_login_at: CreatedAt;
}

export interface InvitationsTable {
  id: Generated<string>;
  token_hash: string;
  email: string;
  name: string;
  role: Role;
  organisation_id: string | null;
  cohort_id: string | null;
  user_id: string | null;
  invited_by: string | null;
  created_at: CreatedAt;
  expires_at: Timestamp;
  accepted_at: Date | null;
  accepted_by: string | null;
}

export interface PasswordResetsTable {
  token_hash: string;
  user_id: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  used_at: Date | null;
}

export interface OidcLoginsTable {
  id: string;
  state: string;
  nonce: string;
  code_verifier: string;
  redirect_to: string;
  invitation_id: string | null;
  created_at: CreatedAt;
  expires_at: Timestamp;
}

export interface LoginFailuresTable {
  key: string;
  failures: number;
  first_failed_at: Timestamp;
  last_failed_at: Timestamp;
}

export interface CohortsTable {
  id: Generated<string>;
  name: string;
  organisation_id: string;
  /** ISO dates (YYYY-MM-DD): the database module reads `date` columns as text. */
  starts_on: string;
  ends_on: string;
  join_code: string;
  created_by: string | null;
  created_at: CreatedAt;
  /** Set when archived: read-only, hidden from the trainer's default list. */
  archived_at: Date | null;
}

/** A trainer's date for a cohort's follow-up of an evaluation (YYYY-MM-DD). */
export interface CohortFollowUpsTable {
  cohort_id: string;
  activity_id: string;
  opens_on: string;
}

export interface CohortTrainersTable {
  cohort_id: string;
  user_id: string;
}

export interface CohortMembersTable {
  cohort_id: string;
  user_id: string;
  joined_at: CreatedAt;
}

export interface CohortModulesTable {
  cohort_id: string;
  module_id: string;
}

export interface ActivityCompletionsTable {
  user_id: string;
  activity_id: string;
  module_id: string;
  activity_type: string;
  completed_at: CreatedAt;
}

export type AttemptStatus = "active" | "finished" | "abandoned";

export interface CaseVersionsTable {
  activity_id: string;
  version: string;
  /** The CaseDefinition the attempt was started on (JSON). */
  definition: ColumnType<unknown, string, string>;
  created_at: CreatedAt;
}

export interface CaseAttemptsTable {
  id: Generated<string>;
  user_id: string;
  activity_id: string;
  module_id: string;
  case_version: string;
  /** The XState persisted snapshot (JSON). */
  snapshot: ColumnType<unknown, string, string>;
  status: AttemptStatus;
  current_place: string;
  decision_count: Generated<number>;
  acknowledged_count: Generated<number>;
  score: Generated<number>;
  max_score: number;
  outcome_id: string | null;
  outcome_result: string | null;
  started_at: CreatedAt;
  updated_at: CreatedAt;
  finished_at: Date | null;
}

export interface CaseDecisionsTable {
  attempt_id: string;
  seq: number;
  user_id: string;
  activity_id: string;
  step_id: string;
  choice_id: string;
  target_id: string;
  points: number;
  choice_points: number;
  was_best: boolean;
  /** The review's verdict (migration 0011); null for decisions stored before it. */
  verdict: "best" | "partial" | "not-best" | null;
  /** The best choice of the step to name; null when none was left (every way ended forkert). */
  best_choice_id: string | null;
  topic: string;
  phase: string;
  decided_at: CreatedAt;
}

export interface QuizAttemptsTable {
  id: Generated<string>;
  user_id: string;
  activity_id: string;
  module_id: string;
  quiz_version: string;
  submission_id: string;
  correct_count: number;
  question_count: number;
  percent: number;
  passed: boolean;
  submitted_at: CreatedAt;
}

export interface QuizAnswersTable {
  attempt_id: string;
  question_id: string;
  user_id: string;
  activity_id: string;
  option_ids: string[];
  correct: boolean;
  topic: string;
}

export type EvaluationStatus = "draft" | "submitted";

export interface EvaluationResponsesTable {
  id: Generated<string>;
  user_id: string;
  activity_id: string;
  module_id: string;
  status: EvaluationStatus;
  updated_at: CreatedAt;
  submitted_at: Date | null;
}

export interface EvaluationAnswersTable {
  response_id: string;
  item_id: string;
  likert_value: string | null;
  text_value: string | null;
}

/** A learner's answers to an evaluation's follow-up; `activity_id` is the evaluation's id. */
export interface FollowUpResponsesTable {
  id: Generated<string>;
  user_id: string;
  activity_id: string;
  module_id: string;
  status: EvaluationStatus;
  updated_at: CreatedAt;
  submitted_at: Date | null;
}

export type FollowUpAnswersTable = EvaluationAnswersTable;

export type BegrundelseStatus = "draft" | "submitted" | "assessed";
/** A learner's or a trainer's rating of a text against one criterion. */
export type CriterionRating = "opfyldt" | "delvist" | "ikke-opfyldt";

/** One attempt at writing a begrundelse: a draft until submitted, then fixed; `assessed` after the self-assessment. */
export interface BegrundelseAttemptsTable {
  id: Generated<string>;
  user_id: string;
  activity_id: string;
  module_id: string;
  content_version: string;
  number: number;
  status: BegrundelseStatus;
  draft_text: Generated<string>;
  submitted_text: string | null;
  created_at: CreatedAt;
  /** When the draft was last saved (or the attempt last changed). */
  updated_at: CreatedAt;
  submitted_at: Date | null;
  self_assessed_at: Date | null;
}

export interface BegrundelseRatingsTable {
  attempt_id: string;
  /** The learner whose text it is. */
  user_id: string;
  activity_id: string;
  criterion_id: string;
  rating: CriterionRating;
}

/** A trainer's assessment of a text: one per attempt, the last trainer's. */
export interface BegrundelseReviewsTable {
  attempt_id: string;
  user_id: string;
  activity_id: string;
  trainer_id: string | null;
  comment: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface BegrundelseDiscussionsTable {
  cohort_id: string;
  attempt_id: string;
  user_id: string;
  marked_by: string | null;
  marked_at: CreatedAt;
}

export interface CertificatesTable {
  /** The verification code printed on the certificate, e.g. "K7QM-3XPA-9TRW". */
  code: string;
  user_id: string;
  module_id: string;
  learner_name: string;
  organisation_name: string | null;
  module_title: string;
  /** The module's legal basis as printed, e.g. "SEL § 96 · RSL § 10". */
  legal_basis: string;
  /** YYYY-MM-DD: the date the module's legal statements were checked against. */
  legal_as_of: string | null;
  /** YYYY-MM-DD. */
  completed_on: string;
  issued_at: CreatedAt;
}

export type AuditAction =
  | "user.role_changed"
  | "user.deactivated"
  | "user.reactivated"
  | "user.data_exported"
  | "user.learning_data_deleted"
  | "cohort.csv_exported"
  | "cohort.join_code_renewed"
  | "cohort.trainer_added"
  | "cohort.trainer_removed"
  | "retention.learning_data_deleted"
  | "user.created"
  | "user.edited"
  | "user.identity_unlinked"
  | "user.invited"
  | "users.imported"
  | "user.created_by_single_sign_on"
  | "invitation.accepted"
  | "cohort.invitations_sent"
  | "cohort.participant_removed"
  | "cohort.archived"
  | "cohort.restored"
  | "cohort.xlsx_exported";

export interface AuditLogTable {
  id: Generated<string>;
  at: CreatedAt;
  actor_id: string | null;
  actor_name: string | null;
  action: AuditAction;
  subject_user_id: string | null;
  cohort_id: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
  client_address: string | null;
}

export interface Database {
  audit_log: AuditLogTable;
  certificates: CertificatesTable;
  begrundelse_attempts: BegrundelseAttemptsTable;
  begrundelse_self_ratings: BegrundelseRatingsTable;
  begrundelse_reviews: BegrundelseReviewsTable;
  begrundelse_review_ratings: BegrundelseRatingsTable;
  begrundelse_discussions: BegrundelseDiscussionsTable;
  quiz_attempts: QuizAttemptsTable;
  quiz_answers: QuizAnswersTable;
  evaluation_responses: EvaluationResponsesTable;
  evaluation_answers: EvaluationAnswersTable;
  case_versions: CaseVersionsTable;
  case_attempts: CaseAttemptsTable;
  case_decisions: CaseDecisionsTable;
  app_meta: AppMetaTable;
  organisations: OrganisationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  user_identities: UserIdentitiesTable;
  invitations: InvitationsTable;
  password_resets: PasswordResetsTable;
  oidc_logins: OidcLoginsTable;
  login_failures: LoginFailuresTable;
  cohorts: CohortsTable;
  cohort_trainers: CohortTrainersTable;
  cohort_members: CohortMembersTable;
  cohort_modules: CohortModulesTable;
  cohort_follow_ups: CohortFollowUpsTable;
  follow_up_responses: FollowUpResponsesTable;
  follow_up_answers: FollowUpAnswersTable;
  activity_completions: ActivityCompletionsTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
