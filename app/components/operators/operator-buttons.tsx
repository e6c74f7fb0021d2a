"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { operatorTaskViewSchema, type OperatorTaskView } from "@/lib/tasks/task-view";
import { apiFetch } from "@/app/client/api-fetch";
import { z } from "zod";

const buttonClass = "rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium hover:bg-slate-100 disabled:opacity-50";

/** Runs an operator API call, then re-renders the console from the server; shows the API's error if it fails. */
function useOperatorCall() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const call = (request: () => Promise<unknown>) =>
    startTransition(async () => {
      setError(null);
      try {
        await request();
        router.refresh();
      } catch (failure) {
        setError(failure instanceof Error ? failure.message : String(failure));
      }
    });
  return { call, error, pending };
}

const taskAnswer = z.object({ task: operatorTaskViewSchema });

/** Cancel, retry and priority for one task, as its state allows. */
export function OperatorTaskButtons({ task }: { task: OperatorTaskView }) {
  const { call, error, pending } = useOperatorCall();
  const [priority, setPriority] = useState(task.priority);
  const send = (path: string, init: Parameters<typeof apiFetch>[2]) => call(() => apiFetch(`/api/admin/tasks/${task.id}${path}`, taskAnswer, init));
  return (
    <div className="flex flex-wrap items-center gap-1">
      {(task.status === "pending" || task.status === "running") && (
        <button type="button" className={buttonClass} disabled={pending} onClick={() => send("/cancel", { method: "POST" })}>
          Cancel
        </button>
      )}
      {(task.status === "failed" || task.status === "cancelled") && (
        <button type="button" className={buttonClass} disabled={pending} onClick={() => send("/retry", { method: "POST" })}>
          Retry
        </button>
      )}
      {task.status === "pending" && (
        <form
          className="flex items-center gap-1"
          onSubmit={(event) => {
            event.preventDefault();
            send("", { method: "PATCH", json: { priority } });
          }}
        >
          <input
            type="number"
            min={-10}
            max={10}
            value={priority}
            aria-label={`Priority of task ${task.shortId}`}
            onChange={(event) => setPriority(Number(event.target.value))}
            className="w-14 rounded border border-slate-300 px-1 py-0.5 text-xs"
          />
          <button type="submit" className={buttonClass} disabled={pending}>
            Set
          </button>
        </form>
      )}
      {error && <span className="text-xs text-red-700">{error}</span>}
    </div>
  );
}

/** Pauses or resumes admission for every host. */
export function AdmissionButton({ paused }: { paused: boolean }) {
  const { call, error, pending } = useOperatorCall();
  return (
    <div className="flex items-center gap-2">
      <button
        type="button"
        disabled={pending}
        onClick={() => call(() => apiFetch("/api/admin/admission", z.object({ paused: z.boolean() }), { method: "PUT", json: { paused: !paused } }))}
        className="rounded-lg bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-50"
      >
        {paused ? "Resume admission" : "Pause admission"}
      </button>
      {error && <span className="text-sm text-red-700">{error}</span>}
    </div>
  );
}
