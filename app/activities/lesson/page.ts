/** What the activity page shows of a lesson. */
export interface LessonPage {
  html: string;
  completed: boolean;
  nextLabel: string;
}
