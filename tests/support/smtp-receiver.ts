import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type SmtpReceiver = {
  /** smtp://127.0.0.1:<port>, for SMTP_URL. */
  url: string;
  /** Every mail accepted so far, parsed, in arrival order. */
  mails: ParsedMail[];
  /** Every mail answered with a temporary failure (451), parsed. */
  refused: ParsedMail[];
  /** The mails to `address`. */
  mailsTo: (address: string) => ParsedMail[];
  close: () => Promise<void>;
};

/**
 * A real SMTP server on a free loopback port (no TLS, no auth) that parses every mail and accepts it,
 * unless `refuse` says to answer it with a temporary failure (451), as a busy mail server does.
 */
export async function startSmtpReceiver({ refuse = () => false }: { refuse?: (mail: ParsedMail) => boolean } = {}): Promise<SmtpReceiver> {
  const mails: ParsedMail[] = [];
  const refused: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          if (!refuse(mail)) {
            mails.push(mail);
            return callback();
          }
          refused.push(mail);
          callback(Object.assign(new Error("Mailbox busy, try again later"), { responseCode: 451 }));
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  const recipients = (mail: ParsedMail) => [mail.to ?? []].flat().flatMap((to) => to.value.map((entry) => entry.address));
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    refused,
    mailsTo: (address) => mails.filter((mail) => recipients(mail).includes(address)),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
