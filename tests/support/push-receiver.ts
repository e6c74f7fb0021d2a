import { execFile } from "node:child_process";
import { createECDH, createPublicKey, createDecipheriv, hkdfSync, randomBytes, randomUUID, verify, type ECDH } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:https";
import type { IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

/** A push as the push service took it: the headers, the decrypted JSON and the VAPID claims, all checked. */
export type ReceivedPush = {
  headers: IncomingHttpHeaders;
  /** TTL header, seconds. */
  ttl: number;
  /** The `k` of the Authorization header: the VAPID public key the JWT is signed with (verified). */
  vapidKey: string;
  claims: { aud: string; exp: number; sub: string };
  message: unknown;
  /** The status this push was answered with. */
  status: number;
};

/** A browser's side of one subscription: what it gives the server, and the private key that reads its pushes. */
export type Device = {
  subscription: { endpoint: string; keys: { p256dh: string; auth: string } };
  /** Every push that reached this device's endpoint, in order (refused ones too). */
  pushes: ReceivedPush[];
  /** The status the push service answers the n-th push with (from 1); 201 when it returns nothing. */
  answer: (nth: number) => number | void;
};

export type PushReceiver = {
  /** The throw-away CA certificate that the sender must trust (NODE_EXTRA_CA_CERTS). */
  certificatePath: string;
  /** A new device subscribed at this push service. */
  newDevice: (answer?: Device["answer"]) => Device;
  /** Requests that failed the checks (bad JWT, bad encryption), with why. */
  rejected: string[];
  close: () => Promise<void>;
};

const run = promisify(execFile);

/** A key and self-signed certificate for 127.0.0.1, made with openssl, valid for a day. */
async function throwAwayCertificate(folder: string): Promise<{ key: Buffer; cert: Buffer; certificatePath: string }> {
  const keyPath = join(folder, "key.pem");
  const certificatePath = join(folder, "cert.pem");
  await run("openssl", [
    "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", keyPath, "-out", certificatePath,
  ]);
  return { key: await readFile(keyPath), cert: await readFile(certificatePath), certificatePath };
}

const json = (part: string) => JSON.parse(Buffer.from(part, "base64url").toString("utf8"));

/** Checks the VAPID Authorization header (RFC 8292): an ES256 JWT verified with the key it names. */
function readVapid(authorization: string | undefined): { vapidKey: string; claims: ReceivedPush["claims"] } {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(authorization ?? "");
  if (!match) throw new Error(`no VAPID authorization: ${authorization}`);
  const [, token, vapidKey] = match as unknown as [string, string, string];
  const [header, payload, signature] = token.split(".") as [string, string, string];
  if (json(header).alg !== "ES256") throw new Error(`JWT alg ${json(header).alg}`);
  const point = Buffer.from(vapidKey, "base64url");
  const publicKey = createPublicKey({ key: { kty: "EC", crv: "P-256", x: point.subarray(1, 33).toString("base64url"), y: point.subarray(33).toString("base64url") }, format: "jwk" });
  const valid = verify("sha256", Buffer.from(`${header}.${payload}`), { key: publicKey, dsaEncoding: "ieee-p1363" }, Buffer.from(signature, "base64url"));
  if (!valid) throw new Error("JWT signature does not verify");
  return { vapidKey, claims: json(payload) };
}

/** Decrypts an aes128gcm body (RFC 8188) with the device's keys (RFC 8291): one record, its padding removed. */
function decrypt(body: Buffer, device: { ecdh: ECDH; auth: Buffer }): string {
  const salt = body.subarray(0, 16);
  const keyIdLength = body[20]!;
  const serverPublic = body.subarray(21, 21 + keyIdLength);
  const record = body.subarray(21 + keyIdLength);
  const devicePublic = device.ecdh.getPublicKey();
  const shared = device.ecdh.computeSecret(serverPublic);
  const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), devicePublic, serverPublic]);
  const ikm = Buffer.from(hkdfSync("sha256", shared, device.auth, keyInfo, 32));
  const key = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: aes128gcm\0"), 16));
  const nonce = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: nonce\0"), 12));
  const decipher = createDecipheriv("aes-128-gcm", key, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  const end = padded.lastIndexOf(2); // the last record's delimiter, then zero padding
  return padded.subarray(0, end).toString("utf8");
}

/**
 * A push service of our own on loopback, over https with a throw-away certificate: it decrypts every
 * push with the device's private key, verifies its VAPID signature and answers as the device says.
 */
export async function startPushReceiver(): Promise<PushReceiver> {
  const folder = await mkdtemp(join(tmpdir(), "push-receiver-"));
  const { key, cert, certificatePath } = await throwAwayCertificate(folder);
  const devices = new Map<string, Device & { ecdh: ECDH; auth: Buffer }>();
  const rejected: string[] = [];
  const server = createServer({ key, cert }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const device = devices.get(request.url?.replace(/^\/push\//, "") ?? "");
      if (!device) return response.writeHead(404).end();
      try {
        if (request.headers["content-encoding"] !== "aes128gcm") throw new Error(`content-encoding ${request.headers["content-encoding"]}`);
        const { vapidKey, claims } = readVapid(request.headers.authorization);
        const message: unknown = JSON.parse(decrypt(Buffer.concat(chunks), device));
        const status = device.answer(device.pushes.length + 1) ?? 201;
        device.pushes.push({ headers: request.headers, ttl: Number(request.headers.ttl), vapidKey, claims, message, status });
        response.writeHead(status).end();
      } catch (error) {
        rejected.push(error instanceof Error ? error.message : String(error));
        response.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    certificatePath,
    rejected,
    newDevice: (answer = () => undefined) => {
      const id = randomUUID();
      const ecdh = createECDH("prime256v1");
      ecdh.generateKeys();
      const auth = randomBytes(16);
      const device = {
        subscription: { endpoint: `https://127.0.0.1:${port}/push/${id}`, keys: { p256dh: ecdh.getPublicKey().toString("base64url"), auth: auth.toString("base64url") } },
        pushes: [],
        answer,
        ecdh,
        auth,
      };
      devices.set(id, device);
      return device;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await rm(folder, { recursive: true, force: true });
    },
  };
}
