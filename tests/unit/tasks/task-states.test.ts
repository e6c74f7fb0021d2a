import { describe, expect, test } from "vitest";
import { activeStatuses, finishedStatuses, isActiveStatus, taskStatuses } from "@/lib/tasks/task-states";

describe("task states", () => {
  test("every database state is either active or finished, never both", () => {
    expect(taskStatuses).toEqual(["pending", "running", "completed", "failed", "cancelled"]);
    expect([...activeStatuses, ...finishedStatuses].sort()).toEqual([...taskStatuses].sort());
    expect(finishedStatuses.filter(isActiveStatus)).toEqual([]);
  });

  test("pending and running are active; completed, failed and cancelled are finished", () => {
    expect(activeStatuses).toEqual(["pending", "running"]);
    expect(finishedStatuses).toEqual(["completed", "failed", "cancelled"]);
  });
});
