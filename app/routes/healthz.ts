import { sql } from "kysely";
import { getDb } from "~/db/database.server";

/** 200 when the database answers, 503 when it does not. For load balancers and monitoring. */
export async function loader() {
  try {
    const db = await getDb();
    await sql`select 1`.execute(db);
    return Response.json({ status: "ok", database: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json(
      { status: "error", database: "unavailable" },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
