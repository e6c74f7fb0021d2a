import { getBoss } from "./get-boss";
import { jobs, type JobKey } from "./jobs";

/** Cancels a queued or running job; a running handler learns of it through its job's abort signal. */
export async function cancelJob(job: JobKey, jobId: string): Promise<void> {
  await (await getBoss()).cancel(jobs[job].name, jobId);
}
