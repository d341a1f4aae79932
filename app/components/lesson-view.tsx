import { Form } from "@remix-run/react";
import { ChecklistTicks } from "./checklist-ticks";

export interface LessonViewData {
  html: string;
  completed: boolean;
  nextLabel: string;
}

export function LessonView({ lesson }: { lesson: LessonViewData }) {
  return (
    <>
      <ChecklistTicks>
        <div className="prose" dangerouslySetInnerHTML={{ __html: lesson.html }} />
      </ChecklistTicks>
      <Form method="post" className="actions">
        <input type="hidden" name="intent" value="lesson.complete" />
        <button type="submit" className="button button-primary">
          {lesson.nextLabel}
        </button>
        {lesson.completed && <span className="status status-done">Læst</span>}
      </Form>
    </>
  );
}
