import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, Link, Outlet, useLoaderData, useLocation } from "@remix-run/react";
import { requireUser } from "~/auth/auth.server";
import { Alert } from "~/components/alert";
import { errorTitle, GeneralErrorBoundary } from "~/components/error-boundary";
import { LiveContent } from "~/components/live-content";
import { getCourse } from "~/content/content.server";
import { errorsOf, formatProblem } from "~/content/problems";
import authorStyles from "~/styles/author.css";

/** The pages below set their own titles; this one is for an error in the area itself (e.g. 403). */
export const meta: MetaFunction = ({ error }) => [
  {
    title: error ? `${errorTitle(isRouteErrorResponse(error) ? error.status : 500)} – Sagslab` : "Forfatter – Sagslab",
  },
];

export const links: LinksFunction = () => [{ rel: "stylesheet", href: authorStyles }];

/** The author area: authors and administrators only. Refreshes itself while content is edited (development). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "author");
  const live = process.env.NODE_ENV === "development";
  try {
    const course = await getCourse();
    // Warnings stop nothing: the overview lists them; this banner on the other pages is for errors.
    return { live, problems: errorsOf(course.problems), failure: null };
  } catch (error) {
    // A compiler failure must not take the author pages down: say what happened, keep listening.
    console.error(error);
    return { live, problems: [], failure: error instanceof Error ? error.message : String(error) };
  }
}

export default function AuthorLayout() {
  const { live, problems, failure } = useLoaderData<typeof loader>();
  const onOverview = useLocation().pathname.replace(/\/$/, "") === "/forfatter";
  return (
    <>
      <LiveContent enabled={live} />
      {/* Above the page's h1: the alerts' headings are not headings of the page's outline. */}
      {failure && (
        <Alert tone="error" role="alert">
          <p className="alert-heading">Indholdet kunne ikke kompileres</p>
          <p className="alert-text">{failure}</p>
        </Alert>
      )}
      {problems.length > 0 && !onOverview && (
        <Alert tone="warning">
          <p className="alert-heading">Indholdskontrollen har fundet {problems.length} fejl</p>
          <ul className="alert-text author-problem-list">
            {problems.slice(0, 10).map((problem, index) => (
              <li key={index}>
                <code>{formatProblem(problem)}</code>
              </li>
            ))}
          </ul>
          <p className="alert-text">
            <Link to="/forfatter#fejl">Se alle fejl på forfattersiden</Link>.
          </p>
        </Alert>
      )}
      <Outlet />
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
