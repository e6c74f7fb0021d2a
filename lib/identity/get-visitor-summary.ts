import { emailSettings, getConfig } from "../config";
import { getDb } from "../db";
import { maskAddress, type EmailView } from "../email/email-view";
import { AppError } from "../errors";
import { countUsedBytes } from "../files/visitor-storage";
import { taskStatuses } from "../tasks/task-states";
import { ensureWebhookSecret } from "./ensure-webhook-secret";

export type VisitorSummary = {
  id: string;
  createdAt: string;
  limits: { maxUploadBytes: number; maxActiveTasks: number; maxRunningTasks: number };
  counts: Record<(typeof taskStatuses)[number], number>;
  /** What the visitor's files (and uploads in flight) take of their storage quota. */
  usage: { storedBytes: number; quotaBytes: number };
  /** Signs the visitor's completion webhooks; only the visitor ever sees it. */
  webhookSecret: string;
  /** The address task mails go to, masked; null when there is none (or the server sends no email). */
  email: EmailView;
};

/** What GET /api/me reports: who the visitor is, their limits, how many tasks they have per status and how much of their quota they use. */
export async function getVisitorSummary({ visitorId }: { visitorId: string }): Promise<VisitorSummary> {
  const db = getDb();
  const [visitor, groups, webhookSecret, usedBytes] = await Promise.all([
    db.visitor.findUnique({
      where: { id: visitorId },
      select: { id: true, createdAt: true, email: { select: { address: true, confirmed: true, notify: true } } },
    }),
    db.task.groupBy({ by: ["status"], where: { visitorId }, _count: { _all: true } }),
    ensureWebhookSecret({ visitorId }),
    countUsedBytes(db, { visitorIds: [visitorId] }),
  ]);
  if (!visitor || !webhookSecret) throw new AppError("not_found");
  const counts = Object.fromEntries(taskStatuses.map((status) => [status, 0])) as VisitorSummary["counts"];
  for (const group of groups) counts[group.status] = group._count._all;
  const { limits } = getConfig();
  return {
    id: visitor.id,
    createdAt: visitor.createdAt.toISOString(),
    limits: {
      maxUploadBytes: limits.maxUploadBytes,
      maxActiveTasks: limits.maxActiveTasks,
      maxRunningTasks: limits.maxRunningPerVisitor,
    },
    counts,
    usage: { storedBytes: usedBytes.get(visitorId) ?? 0, quotaBytes: limits.maxStoredBytesPerVisitor },
    webhookSecret,
    email: visitor.email && emailSettings() ? { ...visitor.email, address: maskAddress(visitor.email.address) } : null,
  };
}
