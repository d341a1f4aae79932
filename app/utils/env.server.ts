/**
 * The environment, parsed once with zod. Everything the server reads from `process.env` is
 * named here, so a wrong value stops the start with a message instead of a surprise later.
 */
import path from "node:path";
import { z } from "zod";
import { parseRoleMap, type RoleMapping } from "~/auth/role-map";

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
  /** Learning data of accounts inactive this many months is removed (on start and daily). */
  RETENTION_MONTHS: z.coerce
    .number({ error: "RETENTION_MONTHS skal være et helt antal måneder, fx 24" })
    .int("RETENTION_MONTHS skal være et helt antal måneder, fx 24")
    .min(1, "RETENTION_MONTHS skal være mindst 1")
    .default(24),
  /** Send the session cookie with Secure; on by default in production. */
  COOKIE_SECURE: z.enum(["0", "1"]).optional(),
  /**
   * Which proxies in front of the app to believe about the client's address (X-Forwarded-For):
   * "0" none; a number N the N nearest hops (1 = one reverse proxy); or a comma-separated list
   * of proxy addresses or subnets (Express's "trust proxy": loopback, 10.0.0.0/8, …).
   */
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, context): false | number | string[] => {
      const text = (value ?? "0").trim();
      if (text === "0" || text === "false") return false;
      if (/^\d+$/.test(text)) return Number(text);
      const list = text.split(",").map((item) => item.trim());
      if (text === "true" || list.some((item) => !/^[0-9a-fA-F.:/]+$|^(loopback|linklocal|uniquelocal)$/.test(item))) {
        context.addIssue({
          code: "custom",
          message:
            "TRUST_PROXY skal være antallet af proxyer foran Sagslab (fx 1) eller en liste af deres adresser, fx 10.0.0.0/8,loopback",
        });
        return z.NEVER;
      }
      return list;
    }),
  /** 0 lets the system choose a free port (the browser tests start apps that way). */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** The address users reach Sagslab at; links in e-mails and the OpenID Connect redirect use it. */
  APP_URL: z
    .url({ protocol: /^https?$/, error: "APP_URL skal være en http(s)-adresse, fx https://sagslab.egeby.dk" })
    .optional(),
  /** Outgoing mail server, e.g. smtp://user:password@mail.egeby.dk:587 or smtps://…:465. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "SMTP_URL skal være en smtp://- eller smtps://-adresse")
    .optional(),
  MAIL_FROM: z.string().min(3).optional(),
  OIDC_ISSUER: z.url({ protocol: /^https?$/, error: "OIDC_ISSUER skal være udbyderens https-adresse" }).optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).max(80).default("Log ind med din organisation"),
  OIDC_SCOPES: z.string().min(1).default("openid email profile"),
  OIDC_AUTO_CREATE: flag,
  OIDC_ORGANISATION: z.string().trim().min(1).optional(),
  OIDC_ORGANISATION_CLAIM: z.string().min(1).optional(),
  OIDC_ROLE_CLAIM: z.string().min(1).optional(),
  OIDC_ROLE_MAP: z.string().min(1).optional(),
  /** `0` turns password login off for everyone but administrators. */
  PASSWORD_LOGIN: z.enum(["0", "1", "true", "false"]).optional(),
});

export interface OidcSettings {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** The text of the login button. */
  buttonText: string;
  scopes: string;
  autoCreate: boolean;
  organisation: string | null;
  organisationClaim: string | null;
  roleClaim: string | null;
  /** Group value → role, in the order OIDC_ROLE_MAP lists them: the first match wins. */
  roleMap: RoleMapping[];
}

function oidcSettings(env: z.infer<typeof schema>): OidcSettings | null {
  if (!env.OIDC_ISSUER) {
    const stray = (["OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_AUTO_CREATE", "OIDC_ROLE_MAP"] as const).filter(
      (name) => env[name],
    );
    if (stray.length) throw new Error(`${stray.join(", ")} kræver OIDC_ISSUER.`);
    return null;
  }
  if (!env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) {
    throw new Error("OIDC_ISSUER kræver også OIDC_CLIENT_ID og OIDC_CLIENT_SECRET.");
  }
  if (env.OIDC_AUTO_CREATE && !env.OIDC_ORGANISATION && !env.OIDC_ORGANISATION_CLAIM) {
    throw new Error("OIDC_AUTO_CREATE=1 kræver OIDC_ORGANISATION eller OIDC_ORGANISATION_CLAIM.");
  }
  if (Boolean(env.OIDC_ROLE_CLAIM) !== Boolean(env.OIDC_ROLE_MAP)) {
    throw new Error("OIDC_ROLE_CLAIM og OIDC_ROLE_MAP skal sættes sammen.");
  }
  return {
    issuer: new URL(env.OIDC_ISSUER),
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    buttonText: env.OIDC_NAME,
    scopes: env.OIDC_SCOPES,
    autoCreate: env.OIDC_AUTO_CREATE,
    organisation: env.OIDC_ORGANISATION ?? null,
    organisationClaim: env.OIDC_ORGANISATION_CLAIM ?? null,
    roleClaim: env.OIDC_ROLE_CLAIM ?? null,
    roleMap: env.OIDC_ROLE_MAP ? parseRoleMap(env.OIDC_ROLE_MAP) : [],
  };
}

export type Env = z.infer<typeof schema> & {
  dataDir: string;
  /** The embedded database is in use, or SEED_DEMO asks for demo data: the login page lists the demo accounts. */
  demoMode: boolean;
  cookieSecure: boolean;
  /** The public address without a trailing slash. */
  appUrl: string;
  oidc: OidcSettings | null;
  passwordLogin: boolean;
  mailFrom: string;
  /** Mails written as files (no SMTP_URL) go here: DATA_DIR/mail. */
  mailDir: string;
  /** Written mails are listed at /admin/mail (development and demo mode, without SMTP_URL). */
  mailboxVisible: boolean;
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
  let oidc: OidcSettings | null;
  try {
    oidc = oidcSettings(env);
  } catch (error) {
    throw new Error(`Ugyldige miljøvariable:\n  ${(error as Error).message}`);
  }
  const passwordLogin = env.PASSWORD_LOGIN !== "0" && env.PASSWORD_LOGIN !== "false";
  if (!passwordLogin && !oidc) {
    throw new Error(
      "Ugyldige miljøvariable:\n  PASSWORD_LOGIN=0 kræver OIDC_ISSUER: ellers kan kun administratorer logge ind.",
    );
  }
  const appUrl = (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
  const dataDir = path.resolve(env.DATA_DIR ?? ".data");
  const demoMode = !env.DATABASE_URL || env.SEED_DEMO;
  cached = {
    ...env,
    dataDir,
    demoMode,
    cookieSecure: env.COOKIE_SECURE ? env.COOKIE_SECURE === "1" : env.NODE_ENV === "production",
    appUrl,
    oidc,
    passwordLogin,
    mailFrom: env.MAIL_FROM ?? `Sagslab <noreply@${new URL(appUrl).hostname}>`,
    mailDir: path.join(dataDir, "mail"),
    mailboxVisible: !env.SMTP_URL && (env.NODE_ENV === "development" || demoMode),
  };
  return cached;
}

/** For tests that change the environment between cases. */
export function resetEnvForTests() {
  cached = null;
}
