import { getBoss } from "./get-boss";
import { jobs, type JobKey } from "./jobs";

/** A job's pg-boss state ("created", "active", "failed", ...), or null once it is gone. */
export async function findJobState(job: JobKey, jobId: string): Promise<string | null> {
  const found = await (await getBoss()).getJobById(jobs[job].name, jobId);
  return found?.state ?? null;
}
