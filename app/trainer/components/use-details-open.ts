import { useEffect } from "react";

/**
 * The links of "Her går holdet galt" lead to steps and questions inside collapsed sections:
 * open every `<details>` around the one a link (or an address with #trin-…) points to.
 * Printing opens them all.
 */
export function useDetailsOpenForTargets() {
  useEffect(() => {
    const openTarget = () => {
      const id = decodeURIComponent(window.location.hash.slice(1));
      const target = id ? document.getElementById(id) : null;
      if (!target) return;
      let closed = false;
      for (
        let details = target.closest("details");
        details;
        details = details.parentElement?.closest("details") ?? null
      ) {
        if (!details.open) {
          details.open = true;
          closed = true;
        }
      }
      if (closed) target.scrollIntoView();
    };
    const openAll = () => document.querySelectorAll("details").forEach((details) => (details.open = true));
    openTarget();
    window.addEventListener("hashchange", openTarget);
    window.addEventListener("beforeprint", openAll);
    return () => {
      window.removeEventListener("hashchange", openTarget);
      window.removeEventListener("beforeprint", openAll);
    };
  }, []);
}
