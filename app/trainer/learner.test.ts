import { describe, expect, test } from "vitest";
import { verdictLabel } from "./learner";

describe("a decision on the trainer's participant page", () => {
  test("is named by the review's verdict, as the learner read it", () => {
    expect(verdictLabel({ wasBest: false, verdict: "partial" })).toBe("Delvis rigtigt");
    expect(verdictLabel({ wasBest: true, verdict: "best" })).toBe("Bedste valg");
    expect(verdictLabel({ wasBest: false, verdict: "not-best" })).toBe("Ikke det bedste valg");
  });

  test("stored before the verdict column, it falls back on was_best", () => {
    expect(verdictLabel({ wasBest: true, verdict: null })).toBe("Bedste valg");
    expect(verdictLabel({ wasBest: false, verdict: null })).toBe("Ikke det bedste valg");
  });
});
