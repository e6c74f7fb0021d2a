import createMiddleware from "next-intl/middleware";
import { routing } from "./i18n/routing";

export default createMiddleware(routing);

export const config = {
  // Pages only: the API, Next's assets and files with an extension are not localized.
  matcher: ["/((?!api|_next|_vercel|.*\\..*).*)"],
};
