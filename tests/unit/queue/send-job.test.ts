import { describe, expect, test } from "vitest";
import { insertJobs, sendJob } from "@/lib/queue/send-job";

// A malformed payload is refused before any queue is touched: these need no database.
describe("sendJob", () => {
  test("refuses a payload that does not match the job's schema", async () => {
    await expect(sendJob("taskRun", { taskId: "" })).rejects.toThrow(/taskId/);
    await expect(sendJob("fileThumbnail", {} as { fileId: string })).rejects.toThrow(/fileId/);
  });

  test("insertJobs checks every payload of the batch", async () => {
    const items = [{ id: "a", payload: { taskId: "t1" } }, { id: "b", payload: { taskId: "" } }];
    await expect(insertJobs("taskRun", items)).rejects.toThrow(/taskId/);
  });
});
