/**
 * The ids of the two forms on the trainer's page of one text, shared by its action and its page:
 * the assessment and the mark for discussion, each showing only its own replies.
 */
export const REVIEW_FORM = "review";
export const DISCUSSION_FORM = "discussion";
