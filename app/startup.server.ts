/**
 * What the server does once when it starts (and again, harmlessly, after a development
 * rebuild): open and migrate the database, seed the demo data in demo mode, load the course,
 * judge case decisions stored before the review's rule again (`rejudge.server.ts`), and start the housekeeping (expired sessions hourly; data retention on start and daily).
 */
import { rejudgeStoredDecisions, withdrawCompletionsOfUnpassedCases } from "~/activities/case/rejudge.server";
import type { CaseActivity } from "~/activities/case/content";
import { purgeExpiredSessions } from "~/auth/session.server";
import { purgeOldFailures } from "~/auth/throttle.server";
import { getCourse, publishedModules } from "~/content/content.server";
import { closeDatabase, getDatabase } from "~/db/database.server";
import { seedDemoData } from "~/db/seed.server";
import { applyRetention } from "~/privacy/retention.server";
import { getEnv } from "~/utils/env.server";
import { remember } from "~/utils/remember.server";

const holder = remember(
  "startup",
  (): { started?: boolean; purge?: NodeJS.Timeout; retention?: NodeJS.Timeout } => ({}),
);

const DAY = 24 * 60 * 60 * 1000;

export async function startup(): Promise<void> {
  const env = getEnv();
  const handle = await getDatabase();
  const course = await getCourse();
  if (holder.started) return;
  holder.started = true;
  if (env.demoMode) {
    const seeded = await seedDemoData(
      handle.db,
      publishedModules(course).map((m) => m.id),
    );
    if (seeded) console.log("Demodata oprettet (Demo Kommune, et hold og en konto pr. rolle).");
  }
  const cases = course.modules.flatMap((m) => m.activities.filter((a): a is CaseActivity => a.type === "case"));
  const judged = await rejudgeStoredDecisions(handle.db, cases);
  if (judged > 0) console.log(`${judged} tidligere valg i cases bedømt igen efter gennemgangens regel.`);
  const withdrawn = await withdrawCompletionsOfUnpassedCases(handle.db, cases);
  if (withdrawn > 0)
    console.log(`${withdrawn} cases, der var spillet, men ikke bestået, tæller ikke længere som gennemført.`);
  console.log(
    `Database: ${handle.engine === "pglite" ? "indlejret PostgreSQL i" : "PostgreSQL-server"} ${handle.location}`,
  );
  holder.purge = setInterval(
    () => {
      void purgeExpiredSessions(handle.db)
        .then(() => purgeOldFailures(handle.db))
        .catch((error: unknown) => console.error(error));
    },
    60 * 60 * 1000,
  );
  holder.purge.unref();

  const retention = () =>
    applyRetention(handle.db, env.RETENTION_MONTHS).then(
      ({ accounts }) => {
        if (accounts > 0) {
          console.log(
            `Læringsdata slettet for ${accounts} konti, der ikke har været aktive i ${env.RETENTION_MONTHS} måneder.`,
          );
        }
      },
      (error: unknown) => console.error(error),
    );
  await retention();
  holder.retention = setInterval(() => void retention(), DAY);
  holder.retention.unref();
}

export async function shutdown(): Promise<void> {
  clearInterval(holder.purge);
  clearInterval(holder.retention);
  await closeDatabase();
}
