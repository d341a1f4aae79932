import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordAudit } from "~/admin/audit.server";
import { requireUser } from "~/auth/auth.server";
import { getDb } from "~/db/database.server";
import { exportUserData } from "~/privacy/user-data.server";

/** Everything Sagslab has stored about the signed-in user, as a JSON file (GDPR art. 15 and 20). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = await getDb();
  const exported = await exportUserData(db, user.id);
  // The session was found a moment ago, so the account exists.
  if (!exported) throw new Response("Kontoen findes ikke.", { status: 404 });
  await recordAudit(db, {
    actor: user,
    action: "user.data_exported",
    subjectUserId: user.id,
    details: { by: "brugeren selv" },
    clientAddress: context.clientAddress,
  });
  return new Response(JSON.stringify(exported, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="sagslab-mine-data.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
