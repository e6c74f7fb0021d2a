import type { Job, PgBoss, WorkOptions } from "pg-boss";
import type { JobName } from "../../lib/queue/jobs";

/** One queue's consumer: how this process works it and what it does with each job. */
export type Handler = {
  name: JobName;
  options: WorkOptions;
  handle(job: Job<unknown>, boss: PgBoss): Promise<unknown>;
};
