import nodemailer, { type Transporter } from "nodemailer";
import { emailSettings } from "../config";
import { AppError } from "../errors";
import { processSingleton } from "../process-singleton";

const transport = processSingleton<Transporter>("smtp-transport");

export type OutgoingEmail = { to: string; subject: string; text: string; headers?: Record<string, string> };

/**
 * Hands one plain-text mail to the SMTP server (SMTP_URL) from EMAIL_FROM. Short timeouts: a mail server
 * that does not answer fails the request or the job within seconds instead of holding it for minutes.
 * Without email configured it is 404 not_found, like every email endpoint.
 */
export async function sendEmail({ to, subject, text, headers }: OutgoingEmail): Promise<void> {
  const settings = emailSettings();
  if (!settings) throw new AppError("not_found");
  const transporter = transport.get(() =>
    nodemailer.createTransport({ url: settings.smtpUrl, pool: true, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 }),
  );
  await transporter.sendMail({ from: settings.from, to, subject, text, headers });
}
