import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/auth.server";
import { ROLES } from "~/auth/roles";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getDb } from "~/db/database.server";
import { listUsers } from "~/models/users.server";

export const meta: MetaFunction = () => [{ title: "Administration – Sagslab" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "admin");
  const users = await listUsers(await getDb());
  return { users: users.map((user) => ({ ...user, roleLabel: ROLES[user.role] })) };
}

export default function AdminPage() {
  const { users } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Administration</h1>
      <h2>Brugere</h2>
      <div className="table--responsive-scroll">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Navn</th>
              <th scope="col">E-mail</th>
              <th scope="col">Rolle</th>
              <th scope="col">Organisation</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <td>{user.name}</td>
                <td>{user.email}</td>
                <td>{user.roleLabel}</td>
                <td>{user.organisation ?? "–"}</td>
                <td>{user.active ? "Aktiv" : "Deaktiveret"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
