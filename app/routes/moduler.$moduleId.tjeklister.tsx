import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/auth.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { ChecklistTicks } from "~/components/checklist-ticks";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PrintButton } from "~/components/print-button";
import { requireModule } from "~/content/require-content.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Tjeklister – ${data.module.title} – Sagslab` : "Tjeklister – Sagslab" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { module } = await requireModule(params, user.role);
  const titles = new Map(module.activities.map((activity) => [activity.id, activity.title]));
  return {
    module: { id: module.id, title: module.title },
    checklists: module.checklists.map((checklist) => ({
      id: checklist.id,
      title: checklist.title,
      html: checklist.html,
      from: checklist.activityId ? (titles.get(checklist.activityId) ?? null) : null,
    })),
  };
}

export default function ChecklistsPage() {
  const { module, checklists } = useLoaderData<typeof loader>();
  return (
    <div className="checklist-page">
      <div className="no-print">
        <Breadcrumbs
          items={[
            { to: "/", label: "Moduler" },
            { to: `/moduler/${module.id}`, label: module.title },
            { label: "Tjeklister" },
          ]}
        />
      </div>
      <h1>Tjeklister: {module.title}</h1>
      <p className="no-print">
        Tjeklisterne er til brug i dit daglige arbejde. Dine afkrydsninger gemmes kun i denne browser.
      </p>
      {checklists.length === 0 && <p>Modulet har ingen tjeklister.</p>}
      <ChecklistTicks>
        {checklists.map((checklist) => (
          <section key={checklist.id} className="checklist-section" aria-labelledby={`tjekliste-${checklist.id}`}>
            <h2 id={`tjekliste-${checklist.id}`}>{checklist.title}</h2>
            {checklist.from && <p className="meta">Fra lektionen „{checklist.from}“</p>}
            <div dangerouslySetInnerHTML={{ __html: checklist.html }} />
          </section>
        ))}
      </ChecklistTicks>
      <div className="actions">
        <PrintButton label="Udskriv tjeklisterne" />
      </div>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
