/**
 * Calling a route's loader or action directly, as Remix would, in the access tests: who the
 * callers are, and how a call ended.
 */
import type { Role } from "../../app/auth/roles";

export type Who = Role | "other-trainer" | "anonymous";
export const EVERYONE: Who[] = ["anonymous", "learner", "author", "trainer", "other-trainer", "admin"];

/** How a loader or action ended: a returned or thrown Response, `data(...)` with its init, or plain data (200). */
export async function routeOutcome(run: () => Promise<unknown>): Promise<{ status: number; body: unknown }> {
  try {
    const result = await run();
    if (result instanceof Response) return { status: result.status, body: null };
    const wrapped = result as { init?: { status?: number }; data?: unknown } | null;
    if (wrapped && "init" in wrapped) return { status: wrapped.init?.status ?? 200, body: wrapped.data };
    return { status: 200, body: result };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, body: null };
    throw thrown;
  }
}

/** The status a loader or action ends with. */
export const statusOf = async (run: () => Promise<unknown>) => (await routeOutcome(run)).status;
