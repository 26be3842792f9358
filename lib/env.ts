import "server-only";
import path from "node:path";
import { z } from "zod";
import { isGeldigeHoofdsleutel } from "./storage/hoofdsleutel";

/**
 * The portal's configuration, validated once at start-up (instrumentation.ts) so that a
 * misconfigured production server refuses to start instead of failing on the first mail.
 *
 * Embedded mode (SWI_EMBEDDED=1) is set by `npm start` when no DATABASE_URL was given: the
 * newcomer's laptop, with PGlite and mail written to var/mail.
 */
const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "DATABASE_URL moet een postgres://-adres zijn"),
    SWI_EMBEDDED: z
      .enum(["0", "1", ""])
      .optional()
      .transform((v) => v === "1"),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "SMTP_URL moet een smtp://- of smtps://-adres zijn")
      .optional(),
    MAIL_FROM: z.string().default("SWI-portaal CBS <noreply-swi@cbs.example.nl>"),
    APP_URL: z.string().url().default("http://localhost:3000"),
    NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET moet minstens 32 tekens lang zijn"),
    SWI_VAR_DIR: z.string().default(path.join(process.cwd(), "var")),
    // Reverse proxies of our own in front of the portal; decides which X-Forwarded-For entry is the
    // client (lib/client-adres.ts). Too high lets a client choose its own address, so no default guess.
    SWI_VERTROUWDE_PROXIES: z
      .string()
      .regex(
        /^\s*\d*\s*$/,
        "SWI_VERTROUWDE_PROXIES moet een geheel getal van 0 of meer zijn (het aantal eigen proxy's)",
      )
      .optional()
      .transform((v) => Number(v?.trim() || 0)),
    // Encrypted file storage; lib/storage reads these itself (it also runs in the worker), the
    // checks here only make a typo stop the portal at start-up.
    SWI_STORAGE: z
      .enum(["local", "s3", ""], { message: "SWI_STORAGE moet local of s3 zijn" })
      .optional()
      .transform((v) => (v === "s3" ? "s3" : "local")),
    SWI_STORAGE_DIR: z.string().optional(),
    SWI_ENCRYPTION_KEY: z
      .string()
      .refine(
        (v) => v.trim() === "" || isGeldigeHoofdsleutel(v),
        "SWI_ENCRYPTION_KEY moet 32 bytes zijn, als base64 of hex",
      )
      .optional(),
    SWI_ENCRYPTION_OLD_KEYS: z.string().optional(),
    S3_ENDPOINT: z.union([z.literal(""), z.string().url("S3_ENDPOINT moet een volledig adres zijn")]).optional(),
    S3_BUCKET: z.string().optional(),
    S3_REGION: z.string().optional(),
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    S3_FORCE_PATH_STYLE: z.enum(["0", "1", "true", "false", ""]).optional(),
  })
  .superRefine((env, ctx) => {
    if (!env.SWI_EMBEDDED && !env.SMTP_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["SMTP_URL"],
        message:
          "SMTP_URL ontbreekt. Met een echte database (DATABASE_URL) start het portaal alleen met een mailserver, want contactpersonen moeten hun inloglink en meldingen ontvangen.",
      });
    }
    if (env.SWI_STORAGE === "s3" && !env.S3_BUCKET) {
      ctx.addIssue({
        code: "custom",
        path: ["S3_BUCKET"],
        message:
          "S3_BUCKET ontbreekt. Met SWI_STORAGE=s3 worden bestanden in een S3-bucket opgeslagen; geef de naam van de bucket op.",
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = envSchema.safeParse({
      ...process.env,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET,
    });
    if (!parsed.success) {
      const lines = parsed.error.issues.map((i) => `- ${i.path.join(".")}: ${i.message}`);
      throw new Error(`Het portaal kan niet starten; de configuratie is onvolledig:\n${lines.join("\n")}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** Mail goes to var/mail and the local outbox page exists only on the newcomer's embedded set-up. */
export function isLocalOutbox(): boolean {
  const e = env();
  return e.SWI_EMBEDDED && !e.SMTP_URL;
}

export function mailDir(): string {
  return path.join(env().SWI_VAR_DIR, "mail");
}
