/**
 * s3rver as a process of its own (tests/support/s3-server.ts starts it): `--address` (default
 * 127.0.0.1), `--port`, `--directory`, `--bucket`. Prints "s3rver ready" once it listens; SIGTERM closes it. Run with
 * --openssl-legacy-provider: s3rver makes its listing continuation tokens with DES.
 */
import { parseArgs } from "node:util";
import S3rver from "s3rver";

const { values } = parseArgs({
  options: { address: { type: "string" }, port: { type: "string" }, directory: { type: "string" }, bucket: { type: "string" } },
});
const server = new S3rver({
  address: values.address ?? "127.0.0.1",
  port: Number(values.port),
  directory: values.directory,
  silent: true,
  configureBuckets: [{ name: values.bucket ?? "clipclean-test" }],
});
await server.run();
console.log("s3rver ready");
process.on("SIGTERM", () => void server.close().then(() => process.exit(0)));
