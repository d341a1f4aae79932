import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { getOptionalUser } from "~/auth/auth.server";
import { destroySession } from "~/auth/session.server";
import { getDb } from "~/db/database.server";

export const meta: MetaFunction = () => [{ title: "Log ud – Sagslab" }];

/** Logging out changes state, so it happens on POST; a plain visit shows the button. */
export async function action({ request }: ActionFunctionArgs) {
  const cookie = await destroySession(await getDb(), request);
  throw redirect("/login", { headers: { "Set-Cookie": cookie } });
}

export async function loader({ request }: LoaderFunctionArgs) {
  if (!(await getOptionalUser(request))) throw redirect("/login");
  return null;
}

export default function LogoutPage() {
  return (
    <>
      <h1>Log ud</h1>
      <p>Du bliver logget ud af Sagslab på denne enhed.</p>
      <Form method="post">
        <button type="submit" className="button button-primary">
          Log ud
        </button>
      </Form>
    </>
  );
}
