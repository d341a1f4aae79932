/**
 * Creates and migrates the database the environment names, and seeds the demo data where the
 * app would (embedded database, or SEED_DEMO=1); then exits. The app does the same on start;
 * this is for preparing a data folder ahead of time (tests, deployments).
 */
import { shutdown, startup } from "~/startup.server";

await startup();
await shutdown();
