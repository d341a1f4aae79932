import type { LoaderFunctionArgs } from "@remix-run/node";
import { cohortExportResponse } from "~/trainer/export.server";

/** The cohort's participants and results as CSV for Danish Excel (decimal commas, ";", BOM). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return cohortExportResponse(request, params.cohortId, "csv", context.clientAddress);
}
