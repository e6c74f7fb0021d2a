"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { z } from "zod";
import { ApiError, apiFetch } from "../../client/api-fetch";

/** What this device does about notifications: the browser's answer, not only the server's. */
type PushState = "loading" | "on" | "off" | "blocked" | "unsupported";

const WORKER_URL = "/push-worker.js";
const keySchema = z.object({ publicKey: z.string() });

const primaryClass = "self-start rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60";
const secondaryClass = "self-start rounded-lg border border-slate-300 bg-white px-4 py-2 font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-60";

const supportsPush = () => "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;

/** This device's push subscription, if it has one; never registers the service worker. */
async function currentSubscription(): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.getRegistration("/");
  return (await registration?.pushManager.getSubscription()) ?? null;
}

/** Where this device stands, from what the browser says. */
async function deviceState(): Promise<PushState> {
  if (!supportsPush()) return "unsupported";
  if (Notification.permission === "denied") return "blocked";
  return (await currentSubscription().catch(() => null)) ? "on" : "off";
}

/**
 * Asks the browser for permission, registers the service worker and subscribes it with the server's
 * VAPID key, then hands the subscription to the server. Runs only when the visitor clicks.
 */
async function subscribe(): Promise<PushState> {
  const permission = await Notification.requestPermission();
  if (permission !== "granted") return permission === "denied" ? "blocked" : "off";
  await navigator.serviceWorker.register(WORKER_URL, { scope: "/" });
  const registration = await navigator.serviceWorker.ready;
  const { publicKey } = await apiFetch("/api/push/key", keySchema);
  const subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: publicKey });
  try {
    await apiFetch("/api/push/subscriptions", z.null(), { method: "POST", json: subscription.toJSON() });
  } catch (error) {
    await subscription.unsubscribe();
    throw error;
  }
  return "on";
}

async function unsubscribe(): Promise<PushState> {
  const subscription = await currentSubscription();
  if (subscription) {
    await apiFetch("/api/push/subscriptions", z.null(), { method: "DELETE", json: { endpoint: subscription.endpoint } });
    await subscription.unsubscribe();
  }
  return "off";
}

/**
 * "Notify me on this device": a notification from the browser when a task finishes, even with the site
 * closed. Nothing is asked of the browser until the visitor clicks.
 */
export function PushPanel() {
  const t = useTranslations("push");
  const [state, setState] = useState<PushState>("loading");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    void deviceState().then(setState);
  }, []);

  const attempt = async (action: () => Promise<PushState>) => {
    setBusy(true);
    setProblem(null);
    try {
      setState(await action());
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : t("failed"));
    } finally {
      setBusy(false);
    }
  };

  if (state === "loading") return null;
  const stateText = { on: t("stateOn"), off: t("stateOff"), blocked: t("stateBlocked"), unsupported: t("stateUnsupported") }[state];
  return (
    <section aria-labelledby="push-panel" className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6" data-testid="push-panel">
      <h2 id="push-panel" className="text-lg font-semibold">{t("panelTitle")}</h2>
      <p className="text-slate-600">{t("panelIntro")}</p>
      <p role="status" data-state={state} className="font-medium text-slate-800">{stateText}</p>
      {state === "off" && (
        <button type="button" disabled={busy} onClick={() => void attempt(subscribe)} className={primaryClass}>{t("turnOn")}</button>
      )}
      {state === "on" && (
        <button type="button" disabled={busy} onClick={() => void attempt(unsubscribe)} className={secondaryClass}>{t("turnOff")}</button>
      )}
      {problem && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-red-900">{problem}</p>}
    </section>
  );
}
