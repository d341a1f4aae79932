/**
 * The cohort's settings page (`/underviser/hold/<id>/indstillinger`): what it shows and what its
 * forms do. Removing a participant, removing oneself as trainer and renewing the join code are
 * confirmed first: the form without `bekraeft=ja` changes nothing and asks. An archived cohort
 * takes only "restore".
 */
import { data, redirect } from "@remix-run/node";
import { audited, recordAudit } from "~/admin/audit.server";
import { formatMailDate } from "~/mail/templates";
import { inviteParticipants, openInvitationsOfCohort } from "~/users/invitations.server";
import { followUpOpensOn } from "~/activities/evaluation/follow-up";
import { activitiesOfType } from "~/activities/registry";
import { getCourse, publishedModules } from "~/content/content.server";
import { compareNames } from "~/utils/danish";
import type { FormReply } from "~/forms/reply";
import { accept, readSubmission, refuse, refuseInvalid, type FormSubmission } from "~/forms/submission.server";
import {
  addCohortTrainer,
  cohortSettingsSchema,
  cohortTrainers,
  CohortRuleError,
  removeCohortTrainer,
  renewJoinCode,
  requireTrainerCohort,
} from "./cohorts.server";
import { cohortModules } from "./dashboard.server";
import { joinLinkFor } from "./join-code";
import { settingsFormId } from "./cohort-settings-forms";
import {
  ARCHIVED_MESSAGE,
  archiveCohort,
  cohortParticipants,
  followUpDates,
  removeParticipant,
  restoreCohort,
  setFollowUpDate,
  updateCohort,
} from "./manage-cohort.server";

/** What the page asks before a change that cannot simply be undone. */
export type Confirmation =
  | { intent: "renew-code" }
  | { intent: "remove-participant"; userId: string; name: string }
  | { intent: "remove-trainer"; userId: string; name: string; self: boolean };

export async function cohortSettingsPage(request: Request, cohortId: string | undefined) {
  const { user, db, cohort } = await requireTrainerCohort(request, cohortId);
  const course = await getCourse();
  const [trainers, participants, dates, invitations] = await Promise.all([
    cohortTrainers(db, cohort.id),
    cohortParticipants(db, cohort.id),
    followUpDates(db, cohort.id),
    openInvitationsOfCohort(db, cohort.id),
  ]);
  const evaluations = activitiesOfType(
    cohortModules(course, cohort.moduleIds).flatMap((m) => m.activities),
    "evaluation",
  );
  return {
    me: user.id,
    cohort,
    joinLink: joinLinkFor(new URL(request.url).origin, cohort.joinCode),
    modules: publishedModules(course).map(({ id, title }) => ({ id, title })),
    trainers: [...trainers].sort((a, b) => compareNames(a.name, b.name)),
    invitations: invitations.map((invitation) => ({
      id: invitation.id,
      name: invitation.name,
      email: invitation.email,
      expiresAt: formatMailDate(invitation.expiresAt),
    })),
    participants: participants
      .filter((p) => p.active)
      .sort((a, b) => compareNames(a.name, b.name))
      .map(({ id, name, email }) => ({ id, name, email })),
    followUps: evaluations.flatMap((e) => {
      const followUp = e.evaluation.followUp;
      if (!followUp) return [];
      const moduleTitle = course.modules.find((m) => m.id === e.moduleId)?.title ?? e.title;
      return [
        {
          activityId: e.id,
          moduleTitle,
          afterDays: followUp.afterDays,
          ...followUpOpensOn(cohort.endsOn, followUp.afterDays, dates.get(e.id)),
        },
      ];
    }),
  };
}

/** The settings page's reply: a form's, or the question asked before a change (`confirm`). */
export type SettingsReply = FormReply & { confirm?: Confirmation };

const NOT_SAVED = "Ændringen er ikke gemt.";
/** Fields the page sends hidden: a message about one of them is its form's, not a field's. */
const HIDDEN_FIELDS = ["userId", "bekraeft", "activityId"];

/** Nothing is changed yet: the page asks first, with the form's own reply. */
const ask = (formId: string, submission: FormSubmission, confirmation: Confirmation) =>
  data<SettingsReply>({ ...accept(formId, submission).data, confirm: confirmation });

export async function cohortSettingsAction(
  request: Request,
  cohortId: string | undefined,
  clientAddress?: string,
): Promise<ReturnType<typeof data<SettingsReply>>> {
  const { user, db, cohort } = await requireTrainerCohort(request, cohortId);
  const course = await getCourse();
  const submission = await readSubmission(request, cohortSettingsSchema(publishedModules(course).map((m) => m.id)));
  const formId = settingsFormId(submission.payload);
  if (submission.status !== "success") {
    // An unknown action, or a hidden field nobody can correct: the form's own message.
    if (submission.error?.intent) return refuse(formId, null, { form: NOT_SAVED });
    return refuseInvalid(formId, submission, { hidden: HIDDEN_FIELDS, form: NOT_SAVED });
  }
  const input = submission.value;
  // A form whose defaults are the cohort's own keeps what was saved: the page's data is reloaded
  // after the reply comes, so emptying it would put back the values from before. A form for the
  // next entry (a trainer, invitations) is emptied.
  const keepValues = input.intent === "update-details" || input.intent === "follow-up-date";
  const ok = (message: string) => accept(formId, submission, message, { keepValues });
  // An archived cohort is read-only until it is restored (its page shows this at the top, the
  // form being gone from it).
  if (cohort.archivedAt && input.intent !== "restore") return refuse(formId, null, { form: ARCHIVED_MESSAGE });
  const audit = { actor: user, cohortId: cohort.id, clientAddress: clientAddress ?? null };
  try {
    switch (input.intent) {
      case "add-trainer": {
        // Audited there, with the throttle's bookkeeping.
        const added = await addCohortTrainer(db, cohort.id, input.email, user, clientAddress ?? null);
        return ok(`${added.name} er nu underviser på holdet og kan se dets oversigt.`);
      }
      case "remove-trainer": {
        const self = input.userId === user.id;
        if (self && !input.bekraeft) {
          // The last trainer is refused at once (below); asking first would be asking in vain.
          const trainers = await cohortTrainers(db, cohort.id);
          const me = trainers.find((t) => t.id === user.id);
          if (me && trainers.length > 1)
            return ask(formId, submission, { intent: "remove-trainer", userId: me.id, name: me.name, self });
        }
        const removed = await audited(
          db,
          { ...audit, action: "cohort.trainer_removed", subjectUserId: input.userId },
          (trx) => removeCohortTrainer(trx, cohort.id, input.userId),
        );
        // A trainer who removes themselves can no longer see the cohort.
        if (self && user.role !== "admin") throw redirect("/underviser");
        return ok(`${removed.name} er ikke længere underviser på holdet.`);
      }
      case "invite": {
        const result = await inviteParticipants(db, { cohortId: cohort.id, invitedBy: user.id, text: input.invitees });
        if (!result.ok && "errors" in result) {
          return refuse(formId, submission, {
            fields: { invitees: result.errors.join(" ") },
            form: "Ingen er inviteret.",
          });
        }
        if (!result.ok) {
          const wait = Math.ceil(result.retryAfterSeconds / 60);
          const form = `Du har sendt mange invitationer på kort tid. Vent ${wait} minut(ter), og prøv igen.`;
          return refuse(formId, submission, { form }, 429);
        }
        await recordAudit(db, {
          ...audit,
          action: "cohort.invitations_sent",
          details: { sent: result.sent.length, notSent: result.notSent.length },
        });
        const sent = result.sent.length;
        if (sent === 0) {
          const form = "Mailserveren svarede ikke, så ingen invitationer er sendt. Prøv igen om lidt.";
          return refuse(formId, submission, { form }, 503);
        }
        const parts = [
          sent === 1 ? "Der er sendt en invitation" : `Der er sendt ${sent} invitationer`,
          "; linket virker i 7 dage, og den inviterede kommer på holdet, når invitationen tages imod.",
        ];
        if (result.notSent.length > 0) {
          parts.push(` Til ${result.notSent.join(", ")} kunne mailen ikke sendes; prøv igen om lidt.`);
        }
        return ok(parts.join(""));
      }
      case "renew-code": {
        if (!input.bekraeft) return ask(formId, submission, { intent: "renew-code" });
        const code = await audited(db, { ...audit, action: "cohort.join_code_renewed" }, (trx) =>
          renewJoinCode(trx, cohort.id),
        );
        return ok(
          `Holdet har fået den nye tilmeldingskode ${code}. Den gamle kode og det gamle link virker ikke længere.`,
        );
      }
      case "update-details": {
        const { intent: _intent, ...details } = input;
        await updateCohort(db, cohort.id, details);
        return ok("Holdets navn, datoer og moduler er gemt.");
      }
      case "remove-participant": {
        if (!input.bekraeft) {
          const participant = (await cohortParticipants(db, cohort.id)).find((p) => p.id === input.userId);
          if (!participant) throw new CohortRuleError("Personen er ikke deltager på holdet.");
          return ask(formId, submission, {
            intent: "remove-participant",
            userId: participant.id,
            name: participant.name,
          });
        }
        const removed = await audited(
          db,
          { ...audit, action: "cohort.participant_removed", subjectUserId: input.userId },
          (trx) => removeParticipant(trx, cohort.id, input.userId),
        );
        return ok(
          `${removed.name} er fjernet fra holdet. Deres eget arbejde er bevaret, men tæller ikke længere med i holdets tal.`,
        );
      }
      case "archive":
        await audited(db, { ...audit, action: "cohort.archived" }, (trx) => archiveCohort(trx, cohort.id));
        return ok("Holdet er arkiveret. Det vises ikke længere på listen over hold, og koden tager ikke imod nye.");
      case "restore":
        await audited(db, { ...audit, action: "cohort.restored" }, (trx) => restoreCohort(trx, cohort.id));
        return ok("Holdet er gendannet og kan ændres igen.");
      case "follow-up-date": {
        const evaluation = activitiesOfType(
          cohortModules(course, cohort.moduleIds).flatMap((m) => m.activities),
          "evaluation",
        ).find((e) => e.id === input.activityId && e.evaluation.followUp);
        if (!evaluation) throw new CohortRuleError("Holdets moduler har ingen opfølgning med det navn.");
        await setFollowUpDate(db, cohort.id, evaluation.id, input.opensOn);
        return ok(
          input.opensOn === null
            ? "Opfølgningen følger igen kursets dato."
            : "Opfølgningens dato er gemt. Deltagerne, der har indsendt evalueringen, får den fra den dag.",
        );
      }
    }
  } catch (error) {
    if (error instanceof CohortRuleError) {
      return input.intent === "add-trainer"
        ? refuse(formId, submission, { fields: { email: error.message }, form: "Underviseren er ikke tilføjet." })
        : refuse(formId, submission, { form: error.message });
    }
    throw error;
  }
}
