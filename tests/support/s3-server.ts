import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchHere, type Launch } from "./spawn-worker";
import { freePort } from "./test-database";

export type S3Server = {
  /** The settings that point a web server, a worker or lib/ at this server's bucket. */
  env: Record<string, string>;
  stop: () => Promise<void>;
};

/** s3rver's fixed credentials: it checks request signatures against them. */
const CREDENTIALS = { S3_ACCESS_KEY_ID: "S3RVER", S3_SECRET_ACCESS_KEY: "S3RVER" };

/**
 * A real S3 HTTP API (s3rver, objects in a temporary folder) as a child process, with the bucket
 * created: on a free loopback port here, or at `host`:`port` through `launch` (another host,
 * tests/support/network-hosts). `stop` ends it and removes its folder.
 */
export async function startS3Server(
  bucket = "clipclean-test",
  { launch = launchHere, host = "127.0.0.1", port: fixedPort }: { launch?: Launch; host?: string; port?: number } = {},
): Promise<S3Server> {
  const directory = await mkdtemp(join(tmpdir(), "clipclean-s3-"));
  const port = fixedPort ?? (await freePort());
  const args = ["--openssl-legacy-provider", "--import", "tsx", "tests/support/s3rver-main.ts", "--address", host, "--port", String(port), "--directory", directory, "--bucket", bucket];
  const child = launch(args, {});
  let output = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    await new Promise<void>((resolve, reject) => {
      const collect = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("s3rver ready")) resolve();
      };
      child.stdout!.on("data", collect);
      child.stderr!.on("data", collect);
      void exited.then(() => reject(new Error(`s3rver exited during start-up:\n${output}`)));
    });
  } catch (error) {
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
  return {
    env: {
      STORAGE_DRIVER: "s3",
      S3_ENDPOINT: `http://${host}:${port}`,
      S3_REGION: "us-east-1",
      S3_BUCKET: bucket,
      S3_FORCE_PATH_STYLE: "true",
      ...CREDENTIALS,
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
      await rm(directory, { recursive: true, force: true });
    },
  };
}
