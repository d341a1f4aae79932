import { describe, expect, it } from "vitest";
import type { Activity } from "~/content/types";
import { nextActivity, wayForward } from "./next-activity";

const activity = (id: string, title: string) => ({ id, title }) as Activity;
const module = {
  id: "bpa",
  activities: [activity("intro", "Intro"), activity("jonas", "Case: Jonas"), activity("quiz", "Quiz")],
};

describe("the way forward from an activity", () => {
  it("leads to the next activity of the module, in module order", () => {
    expect(nextActivity(module, "intro")?.id).toBe("jonas");
    expect(wayForward(module, "jonas")).toEqual({ to: "/moduler/bpa/quiz", label: "Næste aktivitet", title: "Quiz" });
  });

  it("leads back to the module after the last activity", () => {
    expect(nextActivity(module, "quiz")).toBeUndefined();
    expect(wayForward(module, "quiz")).toEqual({ to: "/moduler/bpa", label: "Tilbage til modulet", title: null });
  });

  it("leads back to the module from an activity it does not hold", () => {
    expect(wayForward(module, "unknown").label).toBe("Tilbage til modulet");
  });
});
