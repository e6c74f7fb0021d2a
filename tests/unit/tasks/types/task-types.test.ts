import { describe, expect, it } from "vitest";
import { checkTaskRules, taskRules } from "@/lib/tasks/types/task-rules";
import { checkTaskTypes } from "@/lib/tasks/types/task-types";

describe("the task type registry", () => {
  it("holds every type of the enum, whole, with its processor", () => {
    expect(() => checkTaskTypes()).not.toThrow();
  });

  it("stops start-up when a type has no rules or misses a part", () => {
    const watermark = taskRules("watermark");
    const merge = taskRules("merge");
    expect(() => checkTaskRules({ watermark, merge })).toThrow("no rules registered for task type thumbnail");
    const thumbnail = { ...taskRules("thumbnail"), output: { ...taskRules("thumbnail").output, mime: "" } };
    expect(() => checkTaskRules({ watermark, merge, thumbnail })).toThrow("task type thumbnail misses output.mime");
  });
});
