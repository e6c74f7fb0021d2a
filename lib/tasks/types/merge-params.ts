import { z } from "zod";

// What a client may ask of a merge. Client-safe (zod only): the New task page checks the count here.

/** How many videos one merge joins. */
export const mergeInputCount = { min: 2, max: 20 } as const;

/** A merge has no settings: the inputs' order is the output's. */
export const mergeRequestSchema = z.object({});
