import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { recordAudit } from "~/admin/audit.server";
import { requireUser } from "~/auth/auth.server";
import { getDb } from "~/db/database.server";
import { exportUserData } from "~/privacy/user-data.server";
import { notFound } from "~/utils/http.server";

/** Everything stored about one user, as a JSON file for the administrator (GDPR). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const admin = await requireUser(request, "admin");
  const userId = z.string().uuid().safeParse(params.userId);
  if (!userId.success) notFound("Brugeren findes ikke.");
  const db = await getDb();
  const exported = await exportUserData(db, userId.data);
  if (!exported) notFound("Brugeren findes ikke.");
  await recordAudit(db, {
    actor: admin,
    action: "user.data_exported",
    subjectUserId: userId.data,
    clientAddress: context.clientAddress,
  });
  return new Response(JSON.stringify(exported, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="sagslab-bruger-${userId.data}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
