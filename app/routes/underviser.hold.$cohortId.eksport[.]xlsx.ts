import type { LoaderFunctionArgs } from "@remix-run/node";
import { cohortExportResponse } from "~/trainer/export.server";

/** The same table as the CSV as an Excel workbook with number, percentage and date cells. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return cohortExportResponse(request, params.cohortId, "xlsx", context.clientAddress);
}
