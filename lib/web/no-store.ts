/** Response options for API answers that must never be cached (they depend on the visitor's cookie). */
export function noStore(status = 200): ResponseInit {
  return { status, headers: { "Cache-Control": "no-store" } };
}
