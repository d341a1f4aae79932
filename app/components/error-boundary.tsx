/**
 * The one error contract of every page: 404, 403 and 400 explain themselves in Danish, and so
 * does 503 (the database is unreachable); anything else is "Der skete en fejl" with no internals
 * (the details go to the server log).
 */
import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

const TITLES: Record<number, string> = {
  400: "Forespørgslen kunne ikke behandles",
  403: "Du har ikke adgang",
  404: "Siden findes ikke",
  405: "Handlingen er ikke mulig her",
  409: "Siden er ikke længere aktuel",
  503: "Sagslab er midlertidigt utilgængelig",
};

export function errorTitle(status: number) {
  return TITLES[status] ?? "Der skete en fejl";
}

export function GeneralErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  // Only our own responses carry a message meant for the user; thrown errors never do.
  const message =
    isRouteErrorResponse(error) &&
    (status < 500 || status === 503) &&
    typeof error.data === "string" &&
    error.data.length < 500
      ? error.data
      : null;
  if (status >= 500 && typeof window !== "undefined") console.error(error);
  return (
    <div className="error-page">
      <h1>{errorTitle(status)}</h1>
      {status === 404 && (
        <p>{message ?? "Vi kan ikke finde den side, du leder efter. Den kan være flyttet eller slettet."}</p>
      )}
      {status === 403 && <p>{message ?? "Du har ikke adgang til denne side med din rolle."}</p>}
      {/* Remix's own 405 carries an English developer message: not shown. */}
      {status === 405 && <p>Siden har ingen formular, der kan modtage det, du sendte. Gå tilbage, og prøv igen.</p>}
      {status !== 404 && status !== 403 && status !== 405 && status < 500 && message && <p>{message}</p>}
      {status === 503 && <p>{message ?? "Prøv igen om lidt."}</p>}
      {status >= 500 && status !== 503 && (
        <p>Der skete en uventet fejl. Prøv igen om lidt. Sker det igen, så kontakt din administrator.</p>
      )}
      <p>
        <Link to="/">Gå til forsiden</Link>
      </p>
    </div>
  );
}
