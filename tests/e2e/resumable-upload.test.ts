import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Browser, BrowserContext, CDPSession, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ffmpegPaths } from "@/lib/media/ffmpeg-paths";
import en from "@/messages/en.json";
import { launchBrowser, saveScreenshot } from "../support/browser";
import { waitFor } from "../support/wait-for";

const baseUrl = inject("baseUrl");
/** Slow enough that the upload of a few MiB is still under way when the test cuts or reloads it. */
const UPLOAD_BYTES_PER_SECOND = 400 * 1024;
let browser: Browser;
let video: string;

/** A lossless clip of about 4 MiB (under the test server's 8 MiB limit), so its upload takes a while. */
async function makeLargeVideo(): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), "clipclean-fixture-")), "large-clip.mp4");
  await promisify(execFile)(ffmpegPaths().ffmpeg, [
    "-hide_banner", "-loglevel", "error", "-y",
    "-f", "lavfi", "-i", "testsrc2=size=960x540:rate=25:duration=4",
    "-c:v", "libx264", "-preset", "ultrafast", "-qp", "0", "-pix_fmt", "yuv420p",
    path,
  ]);
  return path;
}

beforeAll(async () => {
  [browser, video] = await Promise.all([launchBrowser(), makeLargeVideo()]);
});
afterAll(async () => {
  await browser?.close();
});

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** Bytes of the upload the server holds so far (0 before it exists or once it is complete). */
const serverBytes = (uploadId: string) =>
  stat(join(inject("dataDir"), "tus", uploadId)).then(
    (info) => info.size,
    () => 0,
  );

/** A page whose uploads go out at UPLOAD_BYTES_PER_SECOND, recording the upload's id and every PATCH's offset. */
async function throttledPage(context: BrowserContext) {
  const page = await context.newPage();
  const cdp: CDPSession = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  const throttle = () =>
    cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: UPLOAD_BYTES_PER_SECOND });
  await throttle();
  const seen = { uploadIds: [] as string[], patchOffsets: [] as number[] };
  page.on("response", (response) => {
    const location = response.headers()["location"];
    if (response.request().method() === "POST" && location?.startsWith("/api/uploads/tus/")) seen.uploadIds.push(location.split("/").pop()!);
  });
  page.on("request", (request) => {
    if (request.method() === "PATCH") seen.patchOffsets.push(Number(request.headers()["upload-offset"]));
  });
  return { page, throttle, seen };
}

async function pickVideo(page: Page): Promise<void> {
  await page.locator('input[type="file"]').setInputFiles(video);
}

describe("resumable uploads on the New task page", () => {
  it("survives a network drop and a reload, and ends with the very same bytes", async () => {
    const context = await browser.newContext();
    const { page, throttle, seen } = await throttledPage(context);
    await page.goto(`${baseUrl}/en/tasks/new`);
    await pickVideo(page);
    const uploadId = await waitFor(async () => seen.uploadIds[0], { what: "the upload to be created" });
    await waitFor(async () => (await serverBytes(uploadId)) > 300 * 1024, { what: "the first bytes" });
    await page.locator("[data-upload-detail]", { hasText: /\/s · .* left/ }).waitFor();

    await context.setOffline(true);
    await page.getByText(en.newTask.uploadReconnecting).waitFor();
    await saveScreenshot(page, "upload-reconnecting");
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await context.setOffline(false);
    await throttle();
    const afterDrop = await serverBytes(uploadId);
    await waitFor(async () => (await serverBytes(uploadId)) > afterDrop + 200 * 1024, { timeoutMs: 30_000, what: "the upload to go on by itself" });

    const patchesBeforeReload = seen.patchOffsets.length;
    await page.reload();
    await pickVideo(page);
    await page.locator('li[data-upload="done"]').waitFor({ timeout: 60_000 });

    // The same upload went on from what the server had: no new upload, no byte sent twice from the start.
    expect(seen.uploadIds).toEqual([uploadId]);
    expect(seen.patchOffsets[patchesBeforeReload]).toBeGreaterThan(afterDrop);
    const download = await page.request.get(`${baseUrl}/api/files/${uploadId}/content`);
    expect(download.status()).toBe(200);
    expect(sha256(await download.body())).toBe(sha256(await readFile(video)));
    await context.close();
  });

  it("pauses, resumes and cancels an upload; cancelling deletes it on the server", async () => {
    const context = await browser.newContext();
    const { page, seen } = await throttledPage(context);
    await page.goto(`${baseUrl}/en/tasks/new`);
    await pickVideo(page);
    const uploadId = await waitFor(async () => seen.uploadIds[0], { what: "the upload to be created" });
    await waitFor(async () => (await serverBytes(uploadId)) > 100 * 1024, { what: "the first bytes" });

    await page.getByRole("button", { name: en.newTask.pauseUpload.replace("{name}", "large-clip.mp4") }).click();
    await page.getByText(en.newTask.uploadPaused).waitFor();
    await page.getByRole("button", { name: en.newTask.resumeUpload.replace("{name}", "large-clip.mp4") }).click();
    const resumedFrom = await serverBytes(uploadId);
    await waitFor(async () => (await serverBytes(uploadId)) > resumedFrom + 100 * 1024, { what: "the upload to go on" });

    await page.getByRole("button", { name: en.newTask.cancelUpload.replace("{name}", "large-clip.mp4") }).click();
    await page.getByText(en.newTask.uploadCancelled).waitFor();
    await waitFor(async () => !(await stat(join(inject("dataDir"), "tus", uploadId)).catch(() => null)), { what: "the upload to be deleted" });
    expect((await page.request.head(`${baseUrl}/api/uploads/tus/${uploadId}`, { headers: { "tus-resumable": "1.0.0" } })).status()).toBe(404);
    await context.close();
  });
});
