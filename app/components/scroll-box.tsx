/**
 * A box that scrolls sideways when its table is wider than a phone's screen. A keyboard user
 * must be able to scroll it too, so it takes focus and is a named region (WCAG 2.1.1; axe's
 * scrollable-region-focusable).
 */
import type { ReactNode } from "react";

export function ScrollBox({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table--responsive-scroll scroll-box" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
