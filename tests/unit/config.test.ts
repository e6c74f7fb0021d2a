import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, createDevelopmentSecrets, parseConfig } from "@/lib/config";

const tempDir = () => mkdtemp(join(tmpdir(), "clipclean-config-"));

/** A DATA_DIR whose development secrets exist, as every process's start-up leaves it. */
async function dataDirWithSecrets(): Promise<string> {
  const dataDir = await tempDir();
  createDevelopmentSecrets({ DATA_DIR: dataDir });
  return dataDir;
}

describe("parseConfig", () => {
  it("gives safe development defaults and keeps a generated session secret in DATA_DIR", async () => {
    const dataDir = await dataDirWithSecrets();
    const config = parseConfig({ DATA_DIR: dataDir });
    expect(config.port).toBe(3000);
    expect(config.usesEmbeddedPostgres).toBe(true);
    expect(config.databaseUrl).toMatch(/^postgresql:\/\/postgres:[0-9a-f]{64}@127\.0\.0\.1:54329\/app$/);
    expect(config.limits).toMatchObject({ maxUploadBytes: 2 * 1024 ** 3, maxActiveTasks: 20, maxRunningPerVisitor: 1, maxRunningTotal: 5, retentionHours: 72 });
    expect(config.limits.rateLimits).toEqual({ newVisitorsPerHour: 60, uploadsPerHour: 200, tasksPerHour: 300 });
    expect(config.sessionSecret).toHaveLength(64);
    expect(await readFile(join(dataDir, "secrets", "session-secret"), "utf8")).toBe(config.sessionSecret);
    expect(parseConfig({ DATA_DIR: dataDir }).sessionSecret).toBe(config.sessionSecret);
  });

  it("generates a VAPID key pair into DATA_DIR unless both keys are set, and refuses one without the other", async () => {
    const keys = JSON.parse(await readFile(join(await dataDirWithSecrets(), "secrets", "vapid-keys"), "utf8"));
    expect(Buffer.from(keys.publicKey, "base64url")).toHaveLength(65);
    expect(Buffer.from(keys.privateKey, "base64url")).toHaveLength(32);
    const given = { VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: keys.privateKey };
    const dataDir = await tempDir();
    createDevelopmentSecrets({ DATA_DIR: dataDir, ...given });
    await expect(readFile(join(dataDir, "secrets", "vapid-keys"))).rejects.toThrow(/ENOENT/);
    expect(parseConfig({ DATA_DIR: dataDir, ...given }).push).toMatchObject({ vapidPublicKey: keys.publicKey, vapidSubject: "mailto:webmaster@localhost" });
    expect(() => parseConfig({ DATA_DIR: dataDir, VAPID_PUBLIC_KEY: keys.publicKey })).toThrow(/VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY must be set together/);
    expect(() => parseConfig({ DATA_DIR: dataDir, ...given, VAPID_PRIVATE_KEY: "abc" })).toThrow(/VAPID_PRIVATE_KEY must encode 32 bytes/);
    expect(() => parseConfig({ DATA_DIR: dataDir, VAPID_SUBJECT: "admin@example.com" })).toThrow(/VAPID_SUBJECT must be a mailto: or https: URL/);
  });

  it("uses DATABASE_URL when set", async () => {
    const config = parseConfig({ DATA_DIR: await dataDirWithSecrets(), DATABASE_URL: "postgresql://app@db.internal:5432/clips" });
    expect(config.usesEmbeddedPostgres).toBe(false);
    expect(config.databaseUrl).toBe("postgresql://app@db.internal:5432/clips");
  });

  it("requires a long SESSION_SECRET in production", async () => {
    const dataDir = await dataDirWithSecrets();
    expect(() => parseConfig({ NODE_ENV: "production", DATA_DIR: dataDir })).toThrow(/SESSION_SECRET is required in production/);
    expect(() => parseConfig({ NODE_ENV: "production", DATA_DIR: dataDir, SESSION_SECRET: "short" })).toThrow(/SESSION_SECRET must be at least 32 characters/);
    expect(parseConfig({ NODE_ENV: "production", DATA_DIR: dataDir, SESSION_SECRET: "x".repeat(32) }).sessionSecret).toBe("x".repeat(32));
  });

  it("rejects bad values with one readable line naming every problem", async () => {
    let error: unknown;
    try {
      parseConfig({ DATA_DIR: await tempDir(), PORT: "eighty", DATABASE_URL: "mysql://x", MAX_RUNNING_TOTAL: "0" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).not.toContain("\n");
    expect(message).toMatch(/^Invalid configuration: /);
    expect(message).toContain("PORT");
    expect(message).toContain("DATABASE_URL");
    expect(message).toContain("MAX_RUNNING_TOTAL");
  });
  it("refuses a DATA_DIR it cannot create or write in one line", async () => {
    const file = join(await tempDir(), "a-file");
    await writeFile(file, "");
    expect(() => createDevelopmentSecrets({ DATA_DIR: join(file, "data") })).toThrow(
      new ConfigError(`DATA_DIR ${join(file, "data")} is not a folder this user can write (ENOTDIR); set DATA_DIR to one that is`),
    );
  });

  it("uses the embedded database port remembered in DATA_DIR unless EMBEDDED_POSTGRES_PORT is set", async () => {
    const dataDir = await dataDirWithSecrets();
    expect(parseConfig({ DATA_DIR: dataDir })).toMatchObject({ embeddedPostgresPort: 54329, embeddedPostgresPortSource: "default" });
    await writeFile(join(dataDir, "embedded-postgres-port"), "54333\n");
    expect(parseConfig({ DATA_DIR: dataDir })).toMatchObject({ embeddedPostgresPort: 54333, embeddedPostgresPortSource: "DATA_DIR" });
    expect(parseConfig({ DATA_DIR: dataDir }).databaseUrl).toMatch(/@127\.0\.0\.1:54333\/app$/);
    expect(parseConfig({ DATA_DIR: dataDir, EMBEDDED_POSTGRES_PORT: "6000" })).toMatchObject({ embeddedPostgresPort: 6000, embeddedPostgresPortSource: "EMBEDDED_POSTGRES_PORT" });
  });

  it("stores files on local disk unless STORAGE_DRIVER=s3, which needs a bucket and credentials", async () => {
    const dataDir = await dataDirWithSecrets();
    expect(parseConfig({ DATA_DIR: dataDir }).storage).toEqual({ driver: "local" });
    expect(() => parseConfig({ DATA_DIR: dataDir, STORAGE_DRIVER: "s3", S3_ENDPOINT: "http://minio:9000" })).toThrow(
      /^Invalid configuration: S3_BUCKET is required when STORAGE_DRIVER=s3; S3_ACCESS_KEY_ID is required when STORAGE_DRIVER=s3; S3_SECRET_ACCESS_KEY is required when STORAGE_DRIVER=s3$/,
    );
    expect(() => parseConfig({ DATA_DIR: dataDir, STORAGE_DRIVER: "gcs" })).toThrow(/STORAGE_DRIVER/);
    const s3 = { STORAGE_DRIVER: "s3", S3_BUCKET: "clips", S3_ACCESS_KEY_ID: "key", S3_SECRET_ACCESS_KEY: "secret" };
    expect(parseConfig({ DATA_DIR: dataDir, ...s3, S3_ENDPOINT: "http://minio:9000", S3_FORCE_PATH_STYLE: "true" }).storage).toEqual({
      driver: "s3", endpoint: "http://minio:9000", region: "us-east-1", bucket: "clips", accessKeyId: "key", secretAccessKey: "secret", forcePathStyle: true,
    });
    expect(parseConfig({ DATA_DIR: dataDir, ...s3, S3_REGION: "eu-west-1" }).storage).toMatchObject({ endpoint: undefined, region: "eu-west-1", forcePathStyle: false });
  });
});
