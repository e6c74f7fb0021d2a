// Shows the notification the server pushes when one of the visitor's tasks ends, and opens the task's
// page when it is clicked. Registered by "Notify me on this device" on My tasks, and only then.

self.addEventListener("push", (event) => {
  const message = event.data?.json();
  if (!message?.title) return;
  event.waitUntil(
    self.registration.showNotification(message.title, {
      body: message.body,
      // One notification per task: a later push about the same task replaces the earlier one.
      tag: message.task?.id,
      data: { url: message.url },
    }),
  );
});

/** The task's page when it is on this site, else the site's start page. */
function pageToOpen(url) {
  try {
    const target = new URL(url, self.location.origin);
    if (target.origin === self.location.origin) return target.href;
  } catch {
    // not a URL: the start page
  }
  return self.location.origin;
}

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = pageToOpen(event.notification.data?.url);
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      const open = windows.find((client) => client.url === url);
      if (open) return open.focus();
      return self.clients.openWindow(url);
    })(),
  );
});
