/**
 * The e-mail channel: SMTP through the organization's relay (a vendor), with nodemailer.
 */
import nodemailer from 'nodemailer';
import { isLoopbackHost } from '../../config.ts';
import { ChannelError, type NotificationChannel, type OutboundMessage } from './channel.ts';

export interface EmailSettings {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS, required except on the loopback interface. */
  secure: boolean;
  fromAddress: string;
}

export interface SmtpCredentials {
  username: string;
  password: string;
}

/** Why an SMTP send failed, without the server's own words. */
function smtpReason(err: unknown): string {
  const e = err as { code?: unknown; responseCode?: unknown; command?: unknown; message?: unknown };
  // Node's own socket error (not the server's words) tells a refused connection apart.
  if (e.code === 'ESOCKET' && typeof e.message === 'string' && /\bECONNREFUSED\b/.test(e.message)) return 'the SMTP server refused the connection (ECONNREFUSED)';
  const code = typeof e.code === 'string' && /^[A-Z_]{2,40}$/.test(e.code) ? e.code : 'ESEND';
  const reply = typeof e.responseCode === 'number' ? ` ${e.responseCode}` : '';
  const command = typeof e.command === 'string' && /^[A-Z ]{2,20}$/.test(e.command) ? ` after ${e.command}` : '';
  const what: Record<string, string> = {
    ECONNECTION: 'the SMTP server could not be reached',
    ETIMEDOUT: 'the SMTP server did not answer in time',
    EDNS: 'the SMTP host name does not resolve',
    EAUTH: 'the SMTP server refused the credentials',
    EENVELOPE: 'the SMTP server refused the sender or recipient',
    EMESSAGE: 'the SMTP server refused the message',
    ETLS: 'the TLS connection to the SMTP server failed',
    ESOCKET: 'the connection to the SMTP server failed',
    EPROTOCOL: 'the SMTP server answered unexpectedly',
  };
  return `${what[code] ?? 'the SMTP send failed'} (${code}${reply}${command})`;
}

/** An e-mail channel over SMTP; one connection per message (reminders are few). */
export function emailChannel(vendorId: string, settings: EmailSettings, credentials: SmtpCredentials | null): NotificationChannel {
  return {
    kind: 'email',
    vendorId,
    async send(message: OutboundMessage) {
      const transport = nodemailer.createTransport({
        host: settings.host,
        port: settings.port,
        secure: settings.secure,
        // Credentials never cross the network in the clear: STARTTLS is required off the loopback interface.
        requireTLS: !settings.secure && !isLoopbackHost(settings.host),
        ...(credentials ? { auth: { user: credentials.username, pass: credentials.password } } : {}),
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      });
      try {
        const info = await transport.sendMail({ from: settings.fromAddress, to: message.to, subject: message.subject, text: message.text });
        if (info.rejected.length > 0) throw new ChannelError('the SMTP server refused the recipient (EENVELOPE)');
        return { providerId: info.messageId };
      } catch (err) {
        if (err instanceof ChannelError) throw err;
        throw new ChannelError(smtpReason(err));
      } finally {
        transport.close();
      }
    },
  };
}
