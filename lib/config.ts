import { generateKeyPairSync, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";
import { TaskType } from "./generated/prisma/enums";
import { DEFAULT_EMBEDDED_POSTGRES_PORT, readRememberedPort } from "./database/embedded-postgres-port";
import { processSingleton } from "./process-singleton";

const GiB = 1024 ** 3;

/** One setting: the environment variable it comes from and its schema (which holds its default). */
type Setting<Schema extends z.ZodType = z.ZodType> = { env: string; schema: Schema };
type Settings = { [name: string]: Setting | Settings };
type Values<Tree> = { [Name in keyof Tree]: Tree[Name] extends Setting<infer Schema> ? z.output<Schema> : Values<Tree[Name]> };

const setting = <Schema extends z.ZodType>(env: string, schema: Schema): Setting<Schema> => ({ env, schema });

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);
const optionalPath = z.string().trim().min(1).optional();
const longSecret = z.string().min(16, "must be at least 16 characters").optional();
/** base64url (no padding) of exactly `bytes` bytes. */
const base64url = (bytes: number) =>
  z.string().trim().regex(/^[A-Za-z0-9_-]+$/, "must be base64url").refine((value) => Buffer.from(value, "base64url").length === bytes, `must encode ${bytes} bytes`);

/** A setting per task type, named `<prefix>_<TYPE>` (MAX_RUNNING_MERGE, ...): a new type gets its own at once. */
const perTaskType = <Schema extends z.ZodType>(prefix: string, schema: Schema) =>
  Object.fromEntries(Object.values(TaskType).map((type) => [type, setting(`${prefix}_${type.toUpperCase()}`, schema)])) as Record<TaskType, Setting<Schema>>;

/** Every setting, each written once: its place in the configuration, its variable, its schema and default. */
const settings = {
  nodeEnv: setting("NODE_ENV", z.enum(["development", "production", "test"]).default("development")),
  /** The database to use; unset means the embedded server that `npm start` runs. */
  databaseUrl: setting("DATABASE_URL", z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  dataDir: setting("DATA_DIR", z.string().trim().min(1).default("./.data")),
  port: setting("PORT", port(3000)),
  /** Unset means the port remembered in DATA_DIR (npm start picks a free one and remembers it), else 54329. */
  embeddedPostgresPort: setting("EMBEDDED_POSTGRES_PORT", z.coerce.number().int().min(1).max(65535).optional()),
  sessionSecret: setting("SESSION_SECRET", z.string().min(32, "must be at least 32 characters").optional()),
  limits: {
    maxUploadBytes: setting("MAX_UPLOAD_BYTES", positiveInt(2 * GiB)),
    maxFilesPerUpload: setting("MAX_FILES_PER_UPLOAD", positiveInt(10)),
    maxStoredBytesPerVisitor: setting("MAX_STORED_BYTES_PER_VISITOR", positiveInt(10 * GiB)),
    maxActiveTasks: setting("MAX_ACTIVE_TASKS", positiveInt(20)),
    maxRunningPerVisitor: setting("MAX_RUNNING_PER_VISITOR", positiveInt(1)),
    maxRunningTotal: setting("MAX_RUNNING_TOTAL", positiveInt(5)),
    maxRunningByType: perTaskType("MAX_RUNNING", z.coerce.number().int().positive().optional()),
    /** Fractions are allowed (0.05 = 3 s), which tests use. */
    taskTimeoutMinutes: setting("TASK_TIMEOUT_MINUTES", z.coerce.number().positive().default(30)),
    taskTimeoutMinutesByType: perTaskType("TASK_TIMEOUT_MINUTES", z.coerce.number().positive().optional()),
    /** An unfinished resumable upload is removed this long after its last byte arrived (fractions allowed, which tests use). */
    uploadExpiryHours: setting("UPLOAD_EXPIRY_HOURS", z.coerce.number().positive().default(24)),
    retentionHours: setting("RETENTION_HOURS", positiveInt(72)),
    /** Finished tasks, their logs and expired file rows are deleted this long after their files expired. */
    retentionGraceHours: setting("RETENTION_GRACE_HOURS", positiveInt(24)),
    /** Visitors with nothing left are deleted once unseen this long. */
    visitorIdleDays: setting("VISITOR_IDLE_DAYS", positiveInt(30)),
    maxVideoSeconds: setting("MAX_VIDEO_SECONDS", positiveInt(14_400)),
    maxVideoPixels: setting("MAX_VIDEO_PIXELS", positiveInt(7680 * 4320)),
    maxImagePixels: setting("MAX_IMAGE_PIXELS", positiveInt(50_000_000)),
    /** The hard time limit of one ffprobe or header read of an upload. */
    mediaProbeTimeoutSeconds: setting("MEDIA_PROBE_TIMEOUT_SECONDS", z.coerce.number().positive().default(20)),
    /** The time limit of one watermark analysis of an uploaded video. */
    watermarkAnalysisTimeoutSeconds: setting("WATERMARK_ANALYSIS_TIMEOUT_SECONDS", z.coerce.number().positive().default(300)),
    rateLimits: {
      newVisitorsPerHour: setting("RATE_LIMIT_NEW_VISITORS_PER_HOUR", positiveInt(60)),
      uploadsPerHour: setting("RATE_LIMIT_UPLOADS_PER_HOUR", positiveInt(200)),
      tasksPerHour: setting("RATE_LIMIT_TASKS_PER_HOUR", positiveInt(300)),
    },
    /** Writes are refused (507 storage_full) when the data folder's disk has less free space than this. */
    minFreeDiskBytes: setting("MIN_FREE_DISK_BYTES", z.coerce.number().int().min(0).default(GiB)),
  },
  /** How many reverse proxies in front of the web server to trust for X-Forwarded-For/-Proto/-Host. */
  trustProxyHops: setting("TRUST_PROXY_HOPS", z.coerce.number().int().min(0).max(10).default(0)),
  /** Whether this process applies pending migrations when it starts (npm start's supervisor does it once for its children). */
  migrateOnStart: setting("MIGRATE_ON_START", z.stringbool().default(true)),
  /** Bearer token that GET /api/metrics requires; unset means the endpoint answers 404. */
  metricsToken: setting("METRICS_TOKEN", longSecret),
  /** HTTP basic-auth password of the queue dashboard at /admin/queues; unset means it answers 404. */
  adminPassword: setting("ADMIN_PASSWORD", longSecret),
  /** The operator console calls a running task stuck when its progress has not moved for this long (fractions allowed). */
  stuckAfterMinutes: setting("STUCK_AFTER_MINUTES", z.coerce.number().positive().default(10)),
  /** How long a stopping worker lets running jobs finish before handing them back. */
  shutdownGraceSeconds: setting("WORKER_SHUTDOWN_GRACE_SECONDS", positiveInt(20)),
  webhooks: {
    /** Lets notifyUrl be plain http and reach loopback and private networks (development and tests only). */
    allowPrivateNetworks: setting("WEBHOOK_ALLOW_PRIVATE_NETWORKS", z.stringbool().default(false)),
    /** The first retry's delay; each later one roughly doubles (pg-boss backoff). */
    retryDelaySeconds: setting("WEBHOOK_RETRY_DELAY_SECONDS", positiveInt(60)),
  },
  email: {
    /** The mail server that sends confirmation codes and task mails (smtp:// or smtps://, credentials in the URL). */
    smtpUrl: setting("SMTP_URL", z.url({ protocol: /^smtps?$/ }).optional()),
    /** The sender of every mail, e.g. `ClipClean <noreply@example.com>`. Email is offered only with both set. */
    from: setting("EMAIL_FROM", z.string().trim().min(3).optional()),
    /** The first retry's delay of a task mail the server did not take; each later one roughly doubles. */
    retryDelaySeconds: setting("EMAIL_RETRY_DELAY_SECONDS", positiveInt(30)),
  },
  push: {
    /** The VAPID key pair (RFC 8292) that signs Web Push messages: base64url, the public key an uncompressed P-256 point. Unset: generated into DATA_DIR/secrets. */
    vapidPublicKey: setting("VAPID_PUBLIC_KEY", base64url(65).optional()),
    vapidPrivateKey: setting("VAPID_PRIVATE_KEY", base64url(32).optional()),
    /** How push services can reach the operator about this server's pushes: a mailto: or https: URL. */
    vapidSubject: setting("VAPID_SUBJECT", z.string().trim().regex(/^(mailto:\S+@\S+|https:\/\/\S+)$/, "must be a mailto: or https: URL").default("mailto:webmaster@localhost")),
    /** The first retry's delay of a push the push service did not take; each later one roughly doubles. */
    retryDelaySeconds: setting("PUSH_RETRY_DELAY_SECONDS", positiveInt(30)),
  },
  ffmpegPath: setting("FFMPEG_PATH", optionalPath),
  ffprobePath: setting("FFPROBE_PATH", optionalPath),
  storage: {
    driver: setting("STORAGE_DRIVER", z.enum(["local", "s3"]).default("local")),
    /** Unset means AWS itself; MinIO, R2, Ceph and s3rver give their URL. */
    endpoint: setting("S3_ENDPOINT", z.url({ protocol: /^https?$/ }).optional()),
    region: setting("S3_REGION", z.string().trim().min(1).default("us-east-1")),
    bucket: setting("S3_BUCKET", z.string().trim().min(3, "must be at least 3 characters").optional()),
    accessKeyId: setting("S3_ACCESS_KEY_ID", z.string().trim().min(1).optional()),
    secretAccessKey: setting("S3_SECRET_ACCESS_KEY", z.string().min(1).optional()),
    /** Bucket in the path (http://host/bucket/key) rather than the host name, as MinIO and s3rver need. */
    forcePathStyle: setting("S3_FORCE_PATH_STYLE", z.stringbool().default(false)),
  },
} satisfies Settings;

type SettingValues = Values<typeof settings>;
type S3Values = SettingValues["storage"];

/** Where file bytes live: folders under DATA_DIR, or a bucket of any S3-compatible store. */
export type StorageConfig =
  | { driver: "local" }
  | ({ driver: "s3" } & Omit<S3Values, "driver" | "bucket" | "accessKeyId" | "secretAccessKey"> & { bucket: string; accessKeyId: string; secretAccessKey: string });

export type Config = Omit<SettingValues, "databaseUrl" | "sessionSecret" | "storage" | "embeddedPostgresPort"> & {
  databaseUrl: string;
  embeddedPostgresPort: number;
  /** Where embeddedPostgresPort came from: only a remembered or default port may move when it is taken. */
  embeddedPostgresPortSource: "EMBEDDED_POSTGRES_PORT" | "DATA_DIR" | "default";
  usesEmbeddedPostgres: boolean;
  sessionSecret: string;
  storage: StorageConfig;
};

/** A problem the person starting a process can fix: start-up prints its message as one line, without a stack. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

type Problem = { env: string; message: string };

function readSettings<Tree extends Settings>(tree: Tree, source: Record<string, string | undefined>, problems: Problem[]): Values<Tree> {
  const entries = Object.entries(tree).map(([name, item]) => {
    if (!("env" in item && "schema" in item)) return [name, readSettings(item as Settings, source, problems)];
    const parsed = (item as Setting).schema.safeParse(source[item.env as string]);
    if (!parsed.success) problems.push(...parsed.error.issues.map((issue) => ({ env: item.env as string, message: issue.message })));
    return [name, parsed.data];
  });
  return Object.fromEntries(entries) as Values<Tree>;
}

/** The settings as the environment gives them, or ConfigError naming every problem in one line. */
function parseSettings(source: Record<string, string | undefined>): SettingValues {
  const problems: Problem[] = [];
  const values = readSettings(settings, source, problems);
  if (problems.length === 0) {
    if (values.nodeEnv === "production" && !values.sessionSecret) problems.push({ env: "SESSION_SECRET", message: "is required in production" });
    if (!values.push.vapidPublicKey !== !values.push.vapidPrivateKey) problems.push({ env: "VAPID_PUBLIC_KEY", message: "and VAPID_PRIVATE_KEY must be set together" });
    if (values.storage.driver === "s3") {
      for (const [name, env] of [["bucket", "S3_BUCKET"], ["accessKeyId", "S3_ACCESS_KEY_ID"], ["secretAccessKey", "S3_SECRET_ACCESS_KEY"]] as const) {
        if (!values.storage[name]) problems.push({ env, message: "is required when STORAGE_DRIVER=s3" });
      }
    }
  }
  if (problems.length > 0) throw new ConfigError(`Invalid configuration: ${problems.map((problem) => `${problem.env} ${problem.message}`).join("; ")}`);
  return { ...values, dataDir: resolve(values.dataDir) };
}

/** Secrets that development generates once and keeps beside the data they protect. */
type SecretName = "session-secret" | "postgres-password" | "vapid-keys";

const secretPath = (dataDir: string, name: SecretName) => join(dataDir, "secrets", name);

/** A new VAPID key pair as JSON `{ publicKey, privateKey }`, base64url: the uncompressed P-256 point and the private scalar. */
function newVapidKeys(): string {
  const jwk = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ format: "jwk" });
  const point = Buffer.concat([Buffer.from([4]), Buffer.from(jwk.x!, "base64url"), Buffer.from(jwk.y!, "base64url")]);
  return JSON.stringify({ publicKey: point.toString("base64url"), privateKey: jwk.d });
}

const newSecret: Record<SecretName, () => string> = {
  "session-secret": () => randomBytes(32).toString("hex"),
  "postgres-password": () => randomBytes(32).toString("hex"),
  "vapid-keys": newVapidKeys,
};

function readSecret(dataDir: string, name: SecretName, instead: string): string {
  try {
    return readFileSync(secretPath(dataDir, name), "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    throw new ConfigError(`Invalid configuration: ${instead} is unset and ${secretPath(dataDir, name)} does not exist (each process's start-up creates it)`);
  }
}

/**
 * Start-up of every process (npm start, the web server, a worker): generates the development secrets
 * that the configuration will need and that do not exist yet, a session secret when SESSION_SECRET is
 * unset, the embedded database's password when DATABASE_URL is and a VAPID key pair when VAPID_PUBLIC_KEY
 * is, in DATA_DIR/secrets.
 */
export function createDevelopmentSecrets(source: Record<string, string | undefined> = process.env): void {
  const { dataDir, sessionSecret, databaseUrl, push } = parseSettings(source);
  const needed: SecretName[] = [
    ...(sessionSecret ? [] : ["session-secret" as const]),
    ...(databaseUrl ? [] : ["postgres-password" as const]),
    ...(push.vapidPublicKey ? [] : ["vapid-keys" as const]),
  ];
  try {
    for (const name of needed) {
      // The data folder itself stays traversable: the embedded database runs as another user when we are root.
      mkdirSync(dataDir, { recursive: true });
      mkdirSync(join(dataDir, "secrets"), { recursive: true, mode: 0o700 });
      try {
        writeFileSync(secretPath(dataDir, name), newSecret[name](), { flag: "wx", mode: 0o600 });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
    }
  } catch (error) {
    throw unwritableDataDir(dataDir, error);
  }
}

/** A failed write under DATA_DIR as the one line its owner can act on; other errors unchanged. */
export function unwritableDataDir(dataDir: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (!code || !["EACCES", "EPERM", "EROFS", "ENOTDIR", "EEXIST", "ENOSPC"].includes(code)) return error;
  return new ConfigError(`DATA_DIR ${dataDir} is not a folder this user can write (${code}); set DATA_DIR to one that is`);
}

export function embeddedPostgresUrl(dataDir: string, port: number): string {
  return `postgresql://postgres:${readSecret(dataDir, "postgres-password", "DATABASE_URL")}@127.0.0.1:${port}/app`;
}

/** The configuration `source` describes. Reads the development secrets when it needs them, never creates them. */
export function parseConfig(source: Record<string, string | undefined>): Config {
  const { databaseUrl, sessionSecret, storage, embeddedPostgresPort: configuredPort, ...values } = parseSettings(source);
  const { driver, bucket, accessKeyId, secretAccessKey, ...s3 } = storage;
  const rememberedPort = configuredPort ? undefined : readRememberedPort(values.dataDir);
  const embeddedPostgresPort = configuredPort ?? rememberedPort ?? DEFAULT_EMBEDDED_POSTGRES_PORT;
  return {
    ...values,
    databaseUrl: databaseUrl ?? embeddedPostgresUrl(values.dataDir, embeddedPostgresPort),
    usesEmbeddedPostgres: !databaseUrl,
    embeddedPostgresPort,
    embeddedPostgresPortSource: configuredPort ? "EMBEDDED_POSTGRES_PORT" : rememberedPort ? "DATA_DIR" : "default",
    sessionSecret: sessionSecret ?? readSecret(values.dataDir, "session-secret", "SESSION_SECRET"),
    // Present with s3: parseSettings refuses an s3 configuration without them.
    storage: driver === "local" ? { driver } : { driver, ...s3, bucket: bucket!, accessKeyId: accessKeyId!, secretAccessKey: secretAccessKey! },
  };
}

const config = processSingleton<Config>("config");

/** The process's configuration, validated once. Throws ConfigError with one readable line. */
export function getConfig(): Config {
  return config.get(() => parseConfig(process.env));
}

/** How long a task of `type` may run, in minutes: TASK_TIMEOUT_MINUTES_<TYPE> when set, else TASK_TIMEOUT_MINUTES. */
export function taskTimeLimitMinutes(type: TaskType): number {
  const { taskTimeoutMinutes, taskTimeoutMinutesByType } = getConfig().limits;
  return taskTimeoutMinutesByType[type] ?? taskTimeoutMinutes;
}

/** The mail server and sender when both SMTP_URL and EMAIL_FROM are set; null means the product offers no email. */
export function emailSettings(): { smtpUrl: string; from: string } | null {
  const { smtpUrl, from } = getConfig().email;
  return smtpUrl && from ? { smtpUrl, from } : null;
}

export type VapidSettings = { publicKey: string; privateKey: string; subject: string };

const vapidKeysSchema = z.object({ publicKey: z.string().min(1), privateKey: z.string().min(1) });

/**
 * The key pair and subject that sign Web Push messages: VAPID_PUBLIC_KEY/VAPID_PRIVATE_KEY, else the pair
 * each process's start-up generated into DATA_DIR/secrets (so the web server and the worker share it).
 */
export function vapidSettings(): VapidSettings {
  const { dataDir, push } = getConfig();
  const keys =
    push.vapidPublicKey && push.vapidPrivateKey
      ? { publicKey: push.vapidPublicKey, privateKey: push.vapidPrivateKey }
      : vapidKeysSchema.parse(JSON.parse(readSecret(dataDir, "vapid-keys", "VAPID_PUBLIC_KEY")));
  return { ...keys, subject: push.vapidSubject };
}
