import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageReply } from "~/components/reply-forms";
import trainerStyles from "~/styles/trainer.css";
import { cohortSettingsAction, cohortSettingsPage } from "~/trainer/cohort-settings.server";
import {
  ArchiveSection,
  Confirm,
  DetailsForm,
  FollowUps,
  InviteParticipants,
  JoinCodeSection,
  ParticipantsTable,
  settingsFormsShown,
  TrainersSection,
} from "~/trainer/components/cohort-settings";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: trainerStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `Indstillinger for ${data.cohort.name} – Underviser – Sagslab`
      : "Holdets indstillinger – Underviser – Sagslab",
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return cohortSettingsPage(request, params.cohortId);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  return cohortSettingsAction(request, params.cohortId, context.clientAddress);
}

export default function CohortSettingsPage() {
  const data = useLoaderData<typeof loader>();
  const { cohort } = data;
  const reply = useActionData<typeof action>();
  const archived = Boolean(cohort.archivedAt);
  const confirmation = reply && "confirm" in reply ? reply.confirm : undefined;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: "/underviser", label: "Underviser" },
          { to: `/underviser/hold/${cohort.id}`, label: cohort.name },
          { label: "Indstillinger" },
        ]}
      />
      <h1>Indstillinger for {cohort.name}</h1>
      {/* The confirmation of the last change, whichever form made it (read out; focus stays), and a refusal whose form is gone. */}
      <PageReply forms={settingsFormsShown(data)} />
      {confirmation && <Confirm confirmation={confirmation} cohortId={cohort.id} />}
      {!archived && <DetailsForm data={data} reply={reply} />}
      <JoinCodeSection data={data} />
      {!archived && <InviteParticipants data={data} reply={reply} />}
      <ParticipantsTable data={data} />
      <TrainersSection data={data} reply={reply} />
      {!archived && <FollowUps data={data} reply={reply} />}
      <ArchiveSection data={data} />
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
