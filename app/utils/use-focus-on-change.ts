import { useEffect, useRef } from "react";

/**
 * Moves focus to the element when `key` changes (not on the page's first render), so that a
 * screen reader announces what a step of an activity put in place of the last one.
 */
export function useFocusOnChange<T extends HTMLElement>(key: string) {
  const ref = useRef<T>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    ref.current?.focus();
  }, [key]);
  return ref;
}
