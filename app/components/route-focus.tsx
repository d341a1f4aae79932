/**
 * After a client-side navigation to another page, focus moves to the new page's `<h1>` (or the
 * main content) and its title is announced, as a full page load would do for a screen reader.
 * Without this, focus stays on whatever element React kept in place — on a lesson page the
 * "Næste" button, so a second Enter would complete the next, unread lesson.
 * A navigation that stays on the same page (a form posted back to it, a sort order, an anchor)
 * is left to the page, which moves focus to what changed.
 */
import { useLocation } from "@remix-run/react";
import { useLayoutEffect, useRef, useState } from "react";

export function RouteFocus() {
  const { pathname } = useLocation();
  const shown = useRef(pathname);
  const [announcement, setAnnouncement] = useState("");
  // A layout effect: focus moves before the browser handles the next key press on the new page.
  useLayoutEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    const target = document.querySelector<HTMLElement>("main h1") ?? document.getElementById("indhold");
    if (target) {
      if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
      target.focus({ preventScroll: true });
    }
    setAnnouncement(document.title);
  }, [pathname]);
  return (
    <p className="sr-only" aria-live="polite" aria-atomic="true" data-testid="route-announcement">
      {announcement}
    </p>
  );
}
