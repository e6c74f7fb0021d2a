/**
 * What places in line cost, with 100,000 tasks in the database (200 visitors × 500, 2,000 of them
 * pending, as in api-tasks): one visitor at a time reads a page of 10 pending tasks (each gets its
 * queuePosition) and a page of 10 finished ones (nothing to place), alternately, 300 times each.
 * The difference is the price of the places on the polling path.
 */
import { seed, cookieFor } from "./api-tasks.bench";
import { percentiles, startBenchServer } from "./support/bench-server";
import { timedRequest } from "./support/http-timer";

const ROUNDS = 300;
const VISITORS = 200;

export default async function benchQueuePosition() {
  const server = await startBenchServer();
  try {
    await seed(server.databaseUrl);
    const pending: number[] = [];
    const finished: number[] = [];
    for (let round = 0; round < ROUNDS + 20; round++) {
      const cookie = await cookieFor(round % VISITORS);
      const withPlaces = await timedRequest(`${server.baseUrl}/api/tasks?status=pending&pageSize=10`, { cookie });
      const without = await timedRequest(`${server.baseUrl}/api/tasks?status=completed&pageSize=10`, { cookie });
      if (withPlaces.status !== 200 || without.status !== 200) throw new Error(`HTTP ${withPlaces.status}/${without.status}`);
      // The first rounds warm the server up.
      if (round < 20) continue;
      pending.push(withPlaces.ms);
      finished.push(without.ms);
    }
    const placed = percentiles(pending);
    const plain = percentiles(finished);
    return {
      tasks: 100_000,
      pendingTasks: 2_000,
      pageOfPendingWithPlacesMs: placed,
      pageOfFinishedMs: plain,
      placesCostP50Ms: Number((placed.p50 - plain.p50).toFixed(2)),
    };
  } finally {
    await server.stop();
  }
}
