/**
 * A DKFDS alert (`alert alert-<tone>`): an icon with its own name ("Succes", "Advarsel", "Fejl",
 * "Information"), an optional heading and the text. The tone is told by the icon and the words,
 * never by the colour alone. `headingRef` lets a page move focus to the heading after an action
 * (the heading is then focusable with tabIndex -1).
 */
import type { ReactNode, Ref } from "react";

export type AlertTone = "success" | "warning" | "error" | "info";

/** The icons of DKFDS's sprite (all-svg-icons.svg), inlined so no sprite has to be served. */
const ICONS: Record<AlertTone, { label: string; path: string }> = {
  success: {
    label: "Succes",
    path: "m424-296 282-282-56-56-226 226-114-114-56 56 170 170Zm56 216q-83 0-156-31.5T197-197q-54-54-85.5-127T80-480q0-83 31.5-156T197-763q54-54 127-85.5T480-880q83 0 156 31.5T763-763q54 54 85.5 127T880-480q0 83-31.5 156T763-197q-54 54-127 85.5T480-80Zm0-80q134 0 227-93t93-227q0-134-93-227t-227-93q-134 0-227 93t-93 227q0 134 93 227t227 93Zm0-320Z",
  },
  warning: {
    label: "Advarsel",
    path: "m40-120 440-760 440 760H40Zm138-80h604L480-720 178-200Zm302-40q17 0 28.5-11.5T520-280q0-17-11.5-28.5T480-320q-17 0-28.5 11.5T440-280q0 17 11.5 28.5T480-240Zm-40-120h80v-200h-80v200Zm40-100Z",
  },
  error: {
    label: "Fejl",
    path: "M480-280q17 0 28.5-11.5T520-320q0-17-11.5-28.5T480-360q-17 0-28.5 11.5T440-320q0 17 11.5 28.5T480-280Zm-40-160h80v-240h-80v240Zm40 360q-83 0-156-31.5T197-197q-54-54-85.5-127T80-480q0-83 31.5-156T197-763q54-54 127-85.5T480-880q83 0 156 31.5T763-763q54 54 85.5 127T880-480q0 83-31.5 156T763-197q-54 54-127 85.5T480-80Zm0-80q134 0 227-93t93-227q0-134-93-227t-227-93q-134 0-227 93t-93 227q0 134 93 227t227 93Zm0-320Z",
  },
  info: {
    label: "Information",
    path: "M440-280h80v-240h-80v240Zm40-320q17 0 28.5-11.5T520-640q0-17-11.5-28.5T480-680q-17 0-28.5 11.5T440-640q0 17 11.5 28.5T480-600Zm0 520q-83 0-156-31.5T197-197q-54-54-85.5-127T80-480q0-83 31.5-156T197-763q54-54 127-85.5T480-880q83 0 156 31.5T763-763q54 54 85.5 127T880-480q0 83-31.5 156T763-197q-54 54-127 85.5T480-80Zm0-80q134 0 227-93t93-227q0-134-93-227t-227-93q-134 0-227 93t-93 227q0 134 93 227t227 93Zm0-320Z",
  },
};

export interface AlertProps {
  tone: AlertTone;
  heading?: ReactNode;
  /** The heading's level in the page's outline (default h2). */
  headingLevel?: 2 | 3 | 4;
  headingId?: string;
  /** Focus target after an action: the heading gets tabIndex -1 when given. */
  headingRef?: Ref<HTMLHeadingElement>;
  /** `alert` for what must interrupt, `status` for a polite announcement, none for static text. */
  role?: "alert" | "status";
  className?: string;
  /** A string becomes the alert's paragraph; other content is placed as it is. */
  children?: ReactNode;
}

export function Alert({
  tone,
  heading,
  headingLevel = 2,
  headingId,
  headingRef,
  role,
  className,
  children,
}: AlertProps) {
  const Heading = `h${headingLevel}` as const;
  const icon = ICONS[tone];
  return (
    <div className={`alert alert-${tone}${className ? ` ${className}` : ""}`} role={role}>
      <svg
        className="icon-svg alert-icon"
        viewBox="0 -960 960 960"
        role="img"
        aria-label={icon.label}
        focusable="false"
      >
        <path d={icon.path} />
      </svg>
      <div className="alert-body">
        {heading !== undefined && (
          <Heading className="alert-heading" id={headingId} ref={headingRef} tabIndex={headingRef ? -1 : undefined}>
            {heading}
          </Heading>
        )}
        {typeof children === "string" ? <p className="alert-text">{children}</p> : children}
      </div>
    </div>
  );
}
