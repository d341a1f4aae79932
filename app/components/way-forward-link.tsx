/**
 * "Næste aktivitet" (or "Tilbage til modulet") as a link styled as a button, to stand beside
 * "Prøv igen" in an `.actions` row. The next activity's title is part of the link's name for a
 * screen reader and shown beside it. `primary` when moving on is what the learner should do now.
 */
import { Link } from "@remix-run/react";
import type { WayForward } from "~/activities/next-activity";

export function WayForwardLink({ way, primary = false }: { way: WayForward; primary?: boolean }) {
  return (
    <Link to={way.to} className={`button ${primary ? "button-primary" : "button-secondary"}`}>
      {way.label}
      {way.title && <span className="sr-only">: {way.title}</span>}
    </Link>
  );
}
