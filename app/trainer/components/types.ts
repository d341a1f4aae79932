/** The cohort page's data as its components receive it (serialised by the loader). */
import type { useLoaderData } from "@remix-run/react";
import type { cohortDashboardPage } from "../dashboard-page.server";

export type DashboardData = ReturnType<typeof useLoaderData<typeof cohortDashboardPage>>;
