import { ERRORS, type Lock, type Locker, type RequestRelease } from "@tus/server";
import pg from "pg";
import { listen, notify, type Subscription } from "../database/listen";

/** Advisory-lock namespace of resumable uploads (two-key form, apart from the visitor locks and migrations). */
const UPLOAD_LOCK_NAMESPACE = 0x5455; // "TU"

/** The channel on which a request waiting for an upload asks whichever process holds it to let go. */
const RELEASE_CHANNEL = "resumable_upload_release";

const RETRY_MS = 50;
const RELEASE_REQUEST_EVERY_MS = 1_000;

type AdvisoryLockerOptions = { connectionString: string; acquireTimeoutMs?: number; maxConnections?: number };

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });

/**
 * A tus Locker that holds each upload's lock as a PostgreSQL session advisory lock on a connection of
 * its own, so requests for one upload are serialised across every web process. A request that finds
 * the lock taken asks the holder to let go (tus's requestRelease: a client that reconnected after a
 * network drop should not wait for the dead request to time out) through NOTIFY, which reaches the
 * holder in whichever process it runs. A holder whose connection dies loses the lock with it.
 */
export function createAdvisoryLocker(options: AdvisoryLockerOptions): Locker {
  const { acquireTimeoutMs = 30_000, maxConnections = 20 } = options;
  const pool = new pg.Pool({ connectionString: options.connectionString, max: maxConnections, connectionTimeoutMillis: acquireTimeoutMs });
  pool.on("error", (error) => console.error("Upload lock connection failed:", error.message));
  const releaseRequests = new Map<string, RequestRelease>();
  let releases: Subscription | undefined;
  const listenForReleases = async () => {
    const subscription = (releases ??= listen(RELEASE_CHANNEL, { notification: (id) => void releaseRequests.get(id)?.() }));
    await subscription.ready.catch((error: unknown) => {
      // The next lock asks again rather than failing on this attempt for good.
      subscription.close();
      if (releases === subscription) releases = undefined;
      throw error;
    });
  };

  return {
    newLock(id: string): Lock {
      let held: pg.PoolClient | undefined;
      return {
        async lock(signal, requestRelease) {
          await listenForReleases();
          const client = await pool.connect();
          const deadline = Date.now() + acquireTimeoutMs;
          let lastReleaseRequest = 0;
          try {
            while (!signal.aborted && Date.now() < deadline) {
              const { rows } = await client.query<{ locked: boolean }>(
                "SELECT pg_try_advisory_lock($1::int, hashtext($2)) AS locked",
                [UPLOAD_LOCK_NAMESPACE, id],
              );
              if (rows[0]?.locked) {
                held = client;
                releaseRequests.set(id, requestRelease);
                return;
              }
              if (Date.now() - lastReleaseRequest >= RELEASE_REQUEST_EVERY_MS) {
                lastReleaseRequest = Date.now();
                await notify(RELEASE_CHANNEL, id);
              }
              await sleep(RETRY_MS, signal);
            }
          } catch (error) {
            client.release(error as Error);
            throw error;
          }
          client.release();
          throw ERRORS.ERR_LOCK_TIMEOUT;
        },
        async unlock() {
          const client = held;
          if (!client) throw new Error("Releasing an unlocked upload lock");
          held = undefined;
          releaseRequests.delete(id);
          try {
            await client.query("SELECT pg_advisory_unlock($1::int, hashtext($2))", [UPLOAD_LOCK_NAMESPACE, id]);
            client.release();
          } catch (error) {
            // Ending the connection ends its session, and the lock with it.
            client.release(error as Error);
          }
        },
      };
    },
  };
}
