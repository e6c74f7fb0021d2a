import { z } from "zod";
import type { TaskTypeRules } from "./task-type";

// What a merge takes and makes, and what a client may ask of it. Client-safe (zod only): the New task
// page checks the count here.

/** How many videos one merge joins. */
export const mergeInputCount = { min: 2, max: 20 } as const;

/** Joins 2 to 20 videos in the given order; it reads several inputs, so in a pipeline it can only come first. */
export const mergeRules: TaskTypeRules = {
  type: "merge",
  inputs: { ...mergeInputCount, kinds: ["video"] },
  // No settings: the inputs' order is the output's.
  params: { request: z.object({}), optional: true, settle: () => ({ params: {} }), laterStep: () => ({}) },
  output: { extension: "mp4", mime: "video/mp4", kind: "video", mayBeFollowed: true },
};
