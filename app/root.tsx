import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import dkfdsStyles from "../node_modules/dkfds/dist/css/dkfds.min.css";
import { getOptionalUser } from "~/auth/auth.server";
import { mayEnter, ROLES } from "~/auth/roles";
import { errorTitle, GeneralErrorBoundary } from "~/components/error-boundary";
import { IntentForm } from "~/components/forms";
import { useNonce } from "~/components/nonce";
import { RouteDataScript } from "~/components/route-data-script";
import { RouteFocus } from "~/components/route-focus";
import appStyles from "~/styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: dkfdsStyles },
  { rel: "stylesheet", href: appStyles },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  return { user: user && { name: user.name, role: user.role } };
}

function Document({ children, title }: { children: ReactNode; title?: string }) {
  const nonce = useNonce();
  return (
    <html lang="da">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {title ? <title>{title}</title> : <Meta />}
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
        <RouteDataScript />
      </body>
    </html>
  );
}

function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const user = data?.user ?? null;
  return (
    <>
      <RouteFocus />
      <a className="skipnav" href="#indhold">
        Gå til sidens indhold
      </a>
      <header className="app-header">
        <div className="container app-header-inner">
          <Link to="/" className="app-name">
            Sagslab
          </Link>
          <p className="app-tagline">Sagsbehandling på handicapområdet</p>
          {user && (
            <div className="app-user">
              <span>
                <Link to="/min-konto">{user.name}</Link> <span className="app-role">({ROLES[user.role]})</span>
              </span>
              <IntentForm action="/logout">
                <button type="submit" className="button button-tertiary app-logout">
                  Log ud
                </button>
              </IntentForm>
            </div>
          )}
        </div>
        {user && (
          <nav className="app-nav" aria-label="Hovedmenu">
            {/* no-max-width: DKFDS gives lists a reading width; the menu spans the page column. */}
            <ul className="container no-max-width">
              <li>
                <NavLink to="/" end>
                  Moduler
                </NavLink>
              </li>
              {mayEnter(user.role, "trainer") && (
                <li>
                  <NavLink to="/underviser">Underviser</NavLink>
                </li>
              )}
              {mayEnter(user.role, "author") && (
                <li>
                  <NavLink to="/forfatter">Forfatter</NavLink>
                </li>
              )}
              {mayEnter(user.role, "admin") && (
                <li>
                  <NavLink to="/admin">Administration</NavLink>
                </li>
              )}
            </ul>
          </nav>
        )}
      </header>
      <main id="indhold" className="container app-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="app-footer">
        <div className="container">
          <p>Sagslab – e-læring i sagsbehandling på handicapområdet. Alle personer og kommuner i cases er opdigtede.</p>
        </div>
      </footer>
    </>
  );
}

export default function App() {
  return (
    <Document>
      <Layout>
        <Outlet />
      </Layout>
    </Document>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return (
    <Document title={`${errorTitle(status)} – Sagslab`}>
      <Layout>
        <GeneralErrorBoundary />
      </Layout>
    </Document>
  );
}
