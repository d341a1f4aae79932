import { useNavigation } from "@remix-run/react";
import type { ActivityViewProps } from "../activity-type";
import { ChecklistTicks } from "~/components/checklist-ticks";
import { IntentForm } from "~/components/forms";
import { Prose } from "~/components/prose";
import type { LessonPage } from "./page";

export function LessonView({ page }: ActivityViewProps<LessonPage>) {
  // While the lesson is being marked as read, a second press does nothing (it would be a double submit).
  const busy = useNavigation().state !== "idle";
  return (
    <>
      <ChecklistTicks>
        <Prose prose={page.prose} />
      </ChecklistTicks>
      <IntentForm intent="lesson.complete" className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {page.nextLabel}
        </button>
        {page.completed && <span className="status status-done">Læst</span>}
      </IntentForm>
    </>
  );
}
