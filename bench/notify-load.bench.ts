/**
 * Does telling visitors that work is done slow down new work? 1,000 tasks end at once for 1,000 visitors who
 * asked to hear about it (an email to a real SMTP server on loopback and a Web Push to a push service on loopback
 * that decrypts it and checks its VAPID signature: 2,000 deliveries); while the worker sends those
 * notifications, tasks are submitted one at a time and their submit → running latency is measured, beside
 * the same measurement with nothing to send. Goal: the p50 with notifications stays within a few
 * milliseconds of the p50 without.
 */
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { startPushReceiver } from "../tests/support/push-receiver";
import { processSingleton } from "../lib/process-singleton";
import { median, percentile, round } from "./support/measure";
import { submitLatencyMs } from "./support/submit-latency";
import { taskBenchSetup } from "./support/task-bench-setup";

/** Tasks that end at once; each visitor gets one mail and one push. */
const NOTIFICATIONS = 1_000;
const SAMPLES = 40;

/** A real SMTP server on loopback that only counts the mails it accepts (parsing them would load this process, which measures). */
async function startCountingSmtp() {
  const received = { count: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      stream.on("end", () => {
        received.count += 1;
        callback();
      });
      stream.resume();
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export default async function benchNotifyLoad() {
  const smtp = await startCountingSmtp();
  const { db, stopBoss, pairs, requestDispatch, startWorker } = await taskBenchSetup(1);
  const { notifyTaskEnded } = await import("../lib/tasks/notify/notify-task-ended");
  // This process queues the mails, so it reads the settings again with email on (and again without, at the end).
  const config = processSingleton("config");
  process.env.SMTP_URL = smtp.url;
  process.env.EMAIL_FROM = "ClipClean <tasks@clipclean.test>";
  config.forget();
  const [[visitorId, fileId]] = pairs as [[string, string]];
  const pushService = await startPushReceiver();
  // The push service is on loopback: the worker allows private networks and trusts its certificate (read at start).
  const worker = await startWorker({
    SMTP_URL: smtp.url, EMAIL_FROM: process.env.EMAIL_FROM!, WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true", NODE_EXTRA_CA_CERTS: pushService.certificatePath,
  });

  /** Submit → running of `SAMPLES` thumbnails submitted one at a time. */
  const submitLatencies = async () => {
    const latencies: number[] = [];
    for (let sample = 0; sample < SAMPLES; sample += 1) latencies.push(await submitLatencyMs({ db, requestDispatch, visitorId, fileId }));
    return latencies;
  };

  try {
    await submitLatencies(); // warm-up: the worker's first task loads ffmpeg and sharp
    const quiet = await submitLatencies();

    // 1,000 visitors who confirmed an address and asked for mails, each with a task that has just ended.
    const listeners = Array.from({ length: NOTIFICATIONS }, () => randomUUID());
    await db.visitor.createMany({ data: listeners.map((id) => ({ id })) });
    await db.visitorEmail.createMany({
      data: listeners.map((id, index) => ({ visitorId: id, address: `visitor${index}@example.test`, locale: index % 2 ? "zh" : "en", origin: "https://clipclean.test", confirmed: true, notify: true })),
    });
    const devices = listeners.map(() => pushService.newDevice());
    await db.pushSubscription.createMany({
      data: devices.map(({ subscription }, index) => ({ visitorId: listeners[index]!, endpoint: subscription.endpoint, ...subscription.keys, locale: index % 2 ? "zh" : "en", origin: "https://clipclean.test" })),
    });
    const pushed = () => devices.reduce((sum, device) => sum + device.pushes.filter((push) => push.status === 201).length, 0);
    const finishedAt = new Date();
    const ended = listeners.map((id) => ({ id: randomUUID(), visitorId: id }));
    await db.task.createMany({
      data: ended.map(({ id, visitorId: owner }) => ({ id, visitorId: owner, type: "thumbnail", status: "completed" as const, progress: 100, params: { width: 32 }, startedAt: finishedAt, finishedAt, expiresAt: new Date(Date.now() + 86_400_000) })),
    });
    const queuedAt = Date.now();
    await db.$transaction((tx) => notifyTaskEnded({ tx, taskIds: ended.map(({ id }) => id) }), { timeout: 120_000 });
    const queueMs = Date.now() - queuedAt;
    const busy = await submitLatencies();
    const sentWhileMeasuring = { mails: smtp.received.count, pushes: pushed() };
    while ((smtp.received.count < NOTIFICATIONS || pushed() < NOTIFICATIONS) && Date.now() - queuedAt < 600_000) await new Promise((resolve) => setTimeout(resolve, 100));
    const drainMs = Date.now() - queuedAt;
    // Measured again once everything is sent, so a change in the machine's load shows as a change in the quiet figure.
    const quietAfter = await submitLatencies();
    return {
      notifications: NOTIFICATIONS,
      samples: SAMPLES,
      quietP50Ms: round(median(quiet)),
      quietP90Ms: round(percentile(quiet, 90)),
      quietAfterP50Ms: round(median(quietAfter)),
      busyP50Ms: round(median(busy)),
      busyP90Ms: round(percentile(busy, 90)),
      p50RatioBusyToQuiet: round(median(busy) / median(quiet)),
      queueAllMs: queueMs,
      sentWhileMeasuring,
      mailsDelivered: smtp.received.count,
      pushesDelivered: pushed(),
      pushesRejected: pushService.rejected.length,
      allDeliveredAfterMs: drainMs,
      goal: "busy p50 within a few ms of quiet p50",
    };
  } finally {
    await worker.stop();
    await stopBoss();
    await smtp.close();
    await pushService.close();
    delete process.env.SMTP_URL;
    delete process.env.EMAIL_FROM;
    config.forget();
  }
}
