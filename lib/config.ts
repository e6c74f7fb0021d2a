import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";

const GiB = 1024 ** 3;

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const optionalPositiveInt = z.coerce.number().int().positive().optional();
const optionalPath = z.string().trim().min(1).optional();
const optionalPositiveNumber = z.coerce.number().positive().optional();

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    DATA_DIR: z.string().trim().min(1).default("./.data"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    EMBEDDED_POSTGRES_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
    SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    MAX_UPLOAD_BYTES: positiveInt(2 * GiB),
    MAX_FILES_PER_UPLOAD: positiveInt(10),
    MAX_STORED_BYTES_PER_VISITOR: positiveInt(10 * GiB),
    MAX_ACTIVE_TASKS: positiveInt(20),
    MAX_RUNNING_PER_VISITOR: positiveInt(1),
    MAX_RUNNING_TOTAL: positiveInt(5),
    MAX_RUNNING_WATERMARK: optionalPositiveInt,
    MAX_RUNNING_MERGE: optionalPositiveInt,
    MAX_RUNNING_THUMBNAIL: optionalPositiveInt,
    /** Fractions are allowed (0.05 = 3 s), which tests use. */
    TASK_TIMEOUT_MINUTES: z.coerce.number().positive().default(30),
    TASK_TIMEOUT_MINUTES_WATERMARK: optionalPositiveNumber,
    TASK_TIMEOUT_MINUTES_MERGE: optionalPositiveNumber,
    TASK_TIMEOUT_MINUTES_THUMBNAIL: optionalPositiveNumber,
    /** Fractions are allowed, which tests use. */
    UPLOAD_EXPIRY_HOURS: z.coerce.number().positive().default(24),
    RETENTION_HOURS: positiveInt(72),
    RETENTION_GRACE_HOURS: positiveInt(24),
    VISITOR_IDLE_DAYS: positiveInt(30),
    MAX_VIDEO_SECONDS: positiveInt(14_400),
    MAX_VIDEO_PIXELS: positiveInt(7680 * 4320),
    MAX_IMAGE_PIXELS: positiveInt(50_000_000),
    MEDIA_PROBE_TIMEOUT_SECONDS: z.coerce.number().positive().default(20),
    WATERMARK_ANALYSIS_TIMEOUT_SECONDS: z.coerce.number().positive().default(300),
    RATE_LIMIT_NEW_VISITORS_PER_HOUR: positiveInt(60),
    RATE_LIMIT_UPLOADS_PER_HOUR: positiveInt(200),
    RATE_LIMIT_TASKS_PER_HOUR: positiveInt(300),
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    MIN_FREE_DISK_BYTES: z.coerce.number().int().min(0).default(GiB),
    MIGRATE_ON_START: z.stringbool().default(true),
    METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
    ADMIN_PASSWORD: z.string().min(16, "must be at least 16 characters").optional(),
    WORKER_SHUTDOWN_GRACE_SECONDS: positiveInt(20),
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: z.stringbool().default(false),
    WEBHOOK_RETRY_DELAY_SECONDS: positiveInt(60),
    FFMPEG_PATH: optionalPath,
    FFPROBE_PATH: optionalPath,
    STORAGE_DRIVER: z.enum(["local", "s3"]).default("local"),
    S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
    S3_REGION: z.string().trim().min(1).default("us-east-1"),
    S3_BUCKET: z.string().trim().min(3, "must be at least 3 characters").optional(),
    S3_ACCESS_KEY_ID: z.string().trim().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    S3_FORCE_PATH_STYLE: z.stringbool().default(false),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && !env.SESSION_SECRET) {
      ctx.addIssue({ code: "custom", path: ["SESSION_SECRET"], message: "is required in production" });
    }
    if (env.STORAGE_DRIVER !== "s3") return;
    for (const name of ["S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const) {
      if (!env[name]) ctx.addIssue({ code: "custom", path: [name], message: "is required when STORAGE_DRIVER=s3" });
    }
  });

type Env = z.infer<typeof envSchema>;

/** Where file bytes live: folders under DATA_DIR, or a bucket of any S3-compatible store. */
export type StorageConfig =
  | { driver: "local" }
  | {
      driver: "s3";
      /** Unset means AWS itself; MinIO, R2, Ceph and s3rver give their URL. */
      endpoint?: string;
      region: string;
      bucket: string;
      accessKeyId: string;
      secretAccessKey: string;
      /** Bucket in the path (http://host/bucket/key) rather than the host name, as MinIO and s3rver need. */
      forcePathStyle: boolean;
    };

export type Config = {
  nodeEnv: Env["NODE_ENV"];
  /** The database to use; unset means the embedded server that `npm start` runs. */
  databaseUrl: string;
  usesEmbeddedPostgres: boolean;
  embeddedPostgresPort: number;
  dataDir: string;
  port: number;
  sessionSecret: string;
  limits: {
    maxUploadBytes: number;
    maxFilesPerUpload: number;
    maxStoredBytesPerVisitor: number;
    maxActiveTasks: number;
    maxRunningPerVisitor: number;
    maxRunningTotal: number;
    maxRunningByType: { watermark?: number; merge?: number; thumbnail?: number };
    taskTimeoutMinutes: number;
    taskTimeoutMinutesByType: { watermark?: number; merge?: number; thumbnail?: number };
    /** An unfinished resumable upload is removed this long after its last byte arrived. */
    uploadExpiryHours: number;
    retentionHours: number;
    /** Finished tasks, their logs and expired file rows are deleted this long after their files expired. */
    retentionGraceHours: number;
    /** Visitors with nothing left are deleted once unseen this long. */
    visitorIdleDays: number;
    maxVideoSeconds: number;
    maxVideoPixels: number;
    maxImagePixels: number;
    /** The hard time limit of one ffprobe or header read of an upload. */
    mediaProbeTimeoutSeconds: number;
    /** The time limit of one watermark analysis of an uploaded video. */
    watermarkAnalysisTimeoutSeconds: number;
    rateLimits: { newVisitorsPerHour: number; uploadsPerHour: number; tasksPerHour: number };
    /** Writes are refused (507 storage_full) when the data folder's disk has less free space than this. */
    minFreeDiskBytes: number;
  };
  /** How many reverse proxies in front of the web server to trust for X-Forwarded-For/-Proto/-Host. */
  trustProxyHops: number;
  /** Whether this process applies pending migrations when it starts (npm start's supervisor does it once for its children). */
  migrateOnStart: boolean;
  /** Bearer token that GET /api/metrics requires; unset means the endpoint answers 404. */
  metricsToken?: string;
  /** HTTP basic-auth password of the queue dashboard at /admin/queues; unset means it answers 404. */
  adminPassword?: string;
  /** How long a stopping worker lets running jobs finish before handing them back. */
  shutdownGraceSeconds: number;
  webhooks: {
    /** Lets notifyUrl be plain http and reach loopback and private networks (development and tests only). */
    allowPrivateNetworks: boolean;
    /** The first retry's delay; each later one roughly doubles (pg-boss backoff). */
    retryDelaySeconds: number;
  };
  ffmpegPath?: string;
  ffprobePath?: string;
  storage: StorageConfig;
};

function storageConfig(env: Env): StorageConfig {
  if (env.STORAGE_DRIVER === "local") return { driver: "local" };
  return {
    driver: "s3",
    endpoint: env.S3_ENDPOINT,
    region: env.S3_REGION,
    // Present: the schema refuses an s3 configuration without them.
    bucket: env.S3_BUCKET!,
    accessKeyId: env.S3_ACCESS_KEY_ID!,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
  };
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Secrets that development generates once and keeps beside the data they protect. */
function readOrCreateSecret(dataDir: string, name: string): string {
  const dir = join(dataDir, "secrets");
  const file = join(dir, name);
  // The data folder itself stays traversable: the embedded database runs as another user when we are root.
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    writeFileSync(file, randomBytes(32).toString("hex"), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return readFileSync(file, "utf8").trim();
}

export function embeddedPostgresUrl(dataDir: string, port: number): string {
  const password = readOrCreateSecret(dataDir, "postgres-password");
  return `postgresql://postgres:${password}@127.0.0.1:${port}/app`;
}

export function parseConfig(source: Record<string, string | undefined>): Config {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join("; ")}`);
  }
  const env = result.data;
  const dataDir = resolve(env.DATA_DIR);
  return {
    nodeEnv: env.NODE_ENV,
    databaseUrl: env.DATABASE_URL ?? embeddedPostgresUrl(dataDir, env.EMBEDDED_POSTGRES_PORT),
    usesEmbeddedPostgres: !env.DATABASE_URL,
    embeddedPostgresPort: env.EMBEDDED_POSTGRES_PORT,
    dataDir,
    port: env.PORT,
    sessionSecret: env.SESSION_SECRET ?? readOrCreateSecret(dataDir, "session-secret"),
    limits: {
      maxUploadBytes: env.MAX_UPLOAD_BYTES,
      maxFilesPerUpload: env.MAX_FILES_PER_UPLOAD,
      maxStoredBytesPerVisitor: env.MAX_STORED_BYTES_PER_VISITOR,
      maxActiveTasks: env.MAX_ACTIVE_TASKS,
      maxRunningPerVisitor: env.MAX_RUNNING_PER_VISITOR,
      maxRunningTotal: env.MAX_RUNNING_TOTAL,
      maxRunningByType: {
        watermark: env.MAX_RUNNING_WATERMARK,
        merge: env.MAX_RUNNING_MERGE,
        thumbnail: env.MAX_RUNNING_THUMBNAIL,
      },
      taskTimeoutMinutes: env.TASK_TIMEOUT_MINUTES,
      taskTimeoutMinutesByType: {
        watermark: env.TASK_TIMEOUT_MINUTES_WATERMARK,
        merge: env.TASK_TIMEOUT_MINUTES_MERGE,
        thumbnail: env.TASK_TIMEOUT_MINUTES_THUMBNAIL,
      },
      uploadExpiryHours: env.UPLOAD_EXPIRY_HOURS,
      retentionHours: env.RETENTION_HOURS,
      retentionGraceHours: env.RETENTION_GRACE_HOURS,
      visitorIdleDays: env.VISITOR_IDLE_DAYS,
      maxVideoSeconds: env.MAX_VIDEO_SECONDS,
      maxVideoPixels: env.MAX_VIDEO_PIXELS,
      maxImagePixels: env.MAX_IMAGE_PIXELS,
      mediaProbeTimeoutSeconds: env.MEDIA_PROBE_TIMEOUT_SECONDS,
      watermarkAnalysisTimeoutSeconds: env.WATERMARK_ANALYSIS_TIMEOUT_SECONDS,
      rateLimits: {
        newVisitorsPerHour: env.RATE_LIMIT_NEW_VISITORS_PER_HOUR,
        uploadsPerHour: env.RATE_LIMIT_UPLOADS_PER_HOUR,
        tasksPerHour: env.RATE_LIMIT_TASKS_PER_HOUR,
      },
      minFreeDiskBytes: env.MIN_FREE_DISK_BYTES,
    },
    trustProxyHops: env.TRUST_PROXY_HOPS,
    migrateOnStart: env.MIGRATE_ON_START,
    metricsToken: env.METRICS_TOKEN,
    adminPassword: env.ADMIN_PASSWORD,
    shutdownGraceSeconds: env.WORKER_SHUTDOWN_GRACE_SECONDS,
    webhooks: { allowPrivateNetworks: env.WEBHOOK_ALLOW_PRIVATE_NETWORKS, retryDelaySeconds: env.WEBHOOK_RETRY_DELAY_SECONDS },
    ffmpegPath: env.FFMPEG_PATH,
    ffprobePath: env.FFPROBE_PATH,
    storage: storageConfig(env),
  };
}

let cached: Config | undefined;

/** The process's configuration, validated once. Throws ConfigError with one readable line. */
export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
