/** Runs once when the web server starts (Node runtime only). */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { prepareWebServer } = await import("./lib/web/prepare-web-server");
  await prepareWebServer();
}
