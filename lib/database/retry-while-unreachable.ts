import { isDatabaseUnreachable } from "./is-database-unreachable";

/** Waits between attempts: 0.5, 1, 2, 4, 8, 8… seconds, about a minute in all. */
const DELAYS_MS = [500, 1_000, 2_000, 4_000, 8_000, 8_000, 8_000, 8_000, 8_000, 8_000];

/**
 * Runs `work`, and again with backoff while it fails because the database is out of reach (a
 * restart, a network cut); any other error, or an outage that outlasts the attempts, is thrown.
 */
export async function retryWhileUnreachable<T>(what: string, work: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      const delay = DELAYS_MS[attempt];
      if (delay === undefined || !isDatabaseUnreachable(error)) throw error;
      console.error(`${what}: database unreachable, trying again in ${delay} ms`);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
