import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/auth.server";
import { DanishPeriod } from "~/components/danish-date";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ScrollBox } from "~/components/scroll-box";
import { getCourse } from "~/content/content.server";
import { getDb } from "~/db/database.server";
import trainerStyles from "~/styles/trainer.css";
import { visibleCohortsPage } from "~/trainer/cohorts.server";
import { cohortOverviews } from "~/trainer/dashboard.server";
import { formatDateTime } from "~/utils/danish";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: trainerStyles }];
export const meta: MetaFunction = () => [{ title: "Underviser – Sagslab" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "trainer");
  const db = await getDb();
  const params = new URL(request.url).searchParams;
  const page = Math.max(1, Math.min(10_000, Number.parseInt(params.get("side") ?? "1", 10) || 1));
  const archived = params.get("arkiv") === "1";
  const { cohorts, more } = await visibleCohortsPage(db, user, page, { archived });
  const overviews = await cohortOverviews(
    db,
    await getCourse(),
    cohorts.map((c) => c.id),
  );
  return {
    isAdmin: user.role === "admin",
    archived,
    page,
    more,
    cohorts: cohorts.map((cohort, index) => ({
      ...cohort,
      ...overviews[index]!,
      lastActivity: overviews[index]!.lastActivity ? formatDateTime(overviews[index]!.lastActivity) : "",
    })),
  };
}

export default function TrainerPage() {
  const { cohorts, isAdmin, archived, page, more } = useLoaderData<typeof loader>();
  const pageLink = (n: number) => {
    const query = [archived ? "arkiv=1" : "", n > 1 ? `side=${n}` : ""].filter(Boolean).join("&");
    return query ? `/underviser?${query}` : "/underviser";
  };
  return (
    <>
      <h1>{archived ? "Arkiverede hold" : "Underviser"}</h1>
      <p className="font-lead">
        {isAdmin ? "Alle hold på platformen." : "De hold, du underviser."} Åbn et hold for at se, hvor deltagerne er
        nået til, og hvor de går galt.
      </p>
      <p className="actions">
        <Link className="button button-primary" to="/underviser/hold/ny">
          Opret et hold
        </Link>
        {archived ? (
          <Link to="/underviser">Vis de aktive hold</Link>
        ) : (
          <Link to="/underviser?arkiv=1">Vis arkiverede hold</Link>
        )}
      </p>
      {cohorts.length === 0 ? (
        <p>
          {page > 1
            ? "Der er ikke flere hold."
            : archived
              ? "Du har ingen arkiverede hold."
              : "Du har ingen hold endnu."}
        </p>
      ) : (
        <ScrollBox label="Tabel: hold">
          <table className="table">
            <caption>{archived ? "Arkiverede hold" : "Hold"}</caption>
            <thead>
              <tr>
                <th scope="col">Hold</th>
                <th scope="col">Kommune</th>
                <th scope="col">Periode</th>
                <th scope="col">Kode</th>
                <th scope="col">Deltagere</th>
                <th scope="col">Gennemført pr. modul</th>
                <th scope="col">Seneste aktivitet</th>
              </tr>
            </thead>
            <tbody>
              {cohorts.map((cohort) => (
                <tr key={cohort.id}>
                  <th scope="row">
                    <Link to={`/underviser/hold/${cohort.id}`}>{cohort.name}</Link>
                  </th>
                  <td>{cohort.organisation}</td>
                  <td>
                    <DanishPeriod from={cohort.startsOn} to={cohort.endsOn} />
                  </td>
                  <td className="join-code">{cohort.joinCode}</td>
                  <td>{cohort.participants}</td>
                  <td>
                    <ul className="nobullet-list">
                      {cohort.modules.map((module) => (
                        <li key={module.moduleId}>
                          {module.title}: {module.completed} af {cohort.participants}
                          {module.share === null ? "" : ` (${module.share} %)`}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>{cohort.lastActivity || "Ingen endnu"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
      {(page > 1 || more) && (
        <nav aria-label="Sider med hold" className="actions">
          {page > 1 && <Link to={pageLink(page - 1)}>Forrige side</Link>}
          {more && <Link to={pageLink(page + 1)}>Næste side</Link>}
        </nav>
      )}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
