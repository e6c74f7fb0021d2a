import { readdir } from "node:fs/promises";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { provideContext } from "./global-setup";
import { startS3Server } from "./support/s3-server";
import { startTestEnvironment } from "./support/test-environment";

/**
 * The "s3" project's environment: as tests/global-setup.ts, with every file in a bucket of a real
 * S3-compatible server (s3rver) that it starts first. At the end nothing may have been written
 * under the data folder's files/: every byte went through the bucket.
 */
export default async function setup(project: TestProject) {
  const s3 = await startS3Server();
  let environment: Awaited<ReturnType<typeof startTestEnvironment>>;
  try {
    environment = await startTestEnvironment(s3.env);
  } catch (error) {
    await s3.stop();
    throw error;
  }
  provideContext(project, environment.context);
  return async () => {
    const localFiles = await readdir(join(environment.context.dataDir, "files"), { recursive: true }).catch(() => []);
    await environment.stop();
    await s3.stop();
    if (localFiles.length > 0) throw new Error(`with STORAGE_DRIVER=s3, files were written under DATA_DIR/files: ${localFiles.join(", ")}`);
  };
}
