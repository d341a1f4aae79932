import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, Link, Outlet, useLoaderData, useLocation } from "@remix-run/react";
import { requireUser } from "~/auth/auth.server";
import { errorTitle, GeneralErrorBoundary } from "~/components/error-boundary";
import { LiveContent } from "~/components/live-content";
import { getCourse } from "~/content/content.server";
import authorStyles from "~/styles/author.css";

/** The pages below set their own titles; this one is for an error in the area itself (e.g. 403). */
export const meta: MetaFunction = ({ error }) => [
  { title: error ? `${errorTitle(isRouteErrorResponse(error) ? error.status : 500)} – Sagslab` : "Forfatter – Sagslab" },
];

export const links: LinksFunction = () => [{ rel: "stylesheet", href: authorStyles }];

/** The author area: authors and administrators only. Refreshes itself while content is edited (development). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "author");
  const live = process.env.NODE_ENV === "development";
  try {
    const course = await getCourse();
    return { live, problemCount: course.problems.length, failure: null };
  } catch (error) {
    // A compiler failure must not take the author pages down: say what happened, keep listening.
    console.error(error);
    return { live, problemCount: 0, failure: error instanceof Error ? error.message : String(error) };
  }
}

export default function AuthorLayout() {
  const { live, problemCount, failure } = useLoaderData<typeof loader>();
  const onOverview = useLocation().pathname.replace(/\/$/, "") === "/forfatter";
  return (
    <>
      <LiveContent enabled={live} />
      {failure && (
        <div className="alert alert-error" role="alert">
          <div className="alert-body">
            <p className="alert-heading">Indholdet kunne ikke kompileres</p>
            <p className="alert-text">{failure}</p>
          </div>
        </div>
      )}
      {problemCount > 0 && !onOverview && (
        <div className="alert alert-warning">
          <div className="alert-body">
            <p className="alert-text">
              Indholdskontrollen har fundet {problemCount} fejl. <Link to="/forfatter#fejl">Se fejlene på forfattersiden</Link>.
            </p>
          </div>
        </div>
      )}
      <Outlet />
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
