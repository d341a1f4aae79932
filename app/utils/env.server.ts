/**
 * The environment, parsed once with zod. Everything the server reads from `process.env` is
 * named here, so a wrong value stops the start with a message instead of a surprise later.
 */
import path from "node:path";
import { z } from "zod";

const flag = z
  .enum(["0", "1", "true", "false", ""])
  .optional()
  .transform((value) => value === "1" || value === "true");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL skal være en postgres://-adresse")
    .optional(),
  DATA_DIR: z.string().min(1).optional(),
  SEED_DEMO: flag,
  /** Minutes of inactivity after which a session expires. */
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(240),
  /** Send the session cookie with Secure; on by default in production. */
  COOKIE_SECURE: z.enum(["0", "1"]).optional(),
  /** Read the client address from X-Forwarded-For (only behind a proxy you control). */
  TRUST_PROXY: flag,
});

export type Env = z.infer<typeof schema> & {
  dataDir: string;
  /** The embedded database is in use, or SEED_DEMO asks for demo data: the login page lists the demo accounts. */
  demoMode: boolean;
  cookieSecure: boolean;
};

let cached: Env | null = null;

export function getEnv(): Env {
  if (cached) return cached;
  // An empty variable (`DATABASE_URL=`) means unset.
  const defined = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== ""));
  const parsed = schema.safeParse(defined);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Ugyldige miljøvariable:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  cached = {
    ...env,
    dataDir: path.resolve(env.DATA_DIR ?? ".data"),
    demoMode: !env.DATABASE_URL || env.SEED_DEMO,
    cookieSecure: env.COOKIE_SECURE ? env.COOKIE_SECURE === "1" : env.NODE_ENV === "production",
  };
  return cached;
}

/** For tests that change the environment between cases. */
export function resetEnvForTests() {
  cached = null;
}
