import { z } from "zod";
import { apiFetch } from "../../client/api-fetch";
import { taskAnswerSchema } from "@/lib/tasks/task-view";

/** The visitor's actions on a task, through the API. */
export const taskCommands = {
  cancel: (taskId: string) => apiFetch(`/api/tasks/${taskId}/cancel`, taskAnswerSchema, { method: "POST" }),
  retry: (taskId: string) => apiFetch(`/api/tasks/${taskId}/retry`, taskAnswerSchema, { method: "POST" }),
  remove: (taskId: string) => apiFetch(`/api/tasks/${taskId}`, z.null(), { method: "DELETE" }),
  clearFinished: () => apiFetch("/api/tasks/cleanup", z.object({ deleted: z.number() }), { method: "POST", json: { scope: "all" } }),
};
