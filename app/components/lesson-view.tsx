import { Form, useNavigation } from "@remix-run/react";
import { ChecklistTicks } from "./checklist-ticks";

export interface LessonViewData {
  html: string;
  completed: boolean;
  nextLabel: string;
}

export function LessonView({ lesson }: { lesson: LessonViewData }) {
  // While the lesson is being marked as read, a second press does nothing (it would be a double submit).
  const busy = useNavigation().state !== "idle";
  return (
    <>
      <ChecklistTicks>
        <div className="prose" dangerouslySetInnerHTML={{ __html: lesson.html }} />
      </ChecklistTicks>
      <Form method="post" className="actions">
        <input type="hidden" name="intent" value="lesson.complete" />
        <button type="submit" className="button button-primary" disabled={busy}>
          {lesson.nextLabel}
        </button>
        {lesson.completed && <span className="status status-done">Læst</span>}
      </Form>
    </>
  );
}
