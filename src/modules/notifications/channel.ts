import type { ChannelKind } from './notifications.tables.ts';

/**
 * One message as a channel sends it: already rendered from a fixed template, so never PHI. The
 * template and its checked parameters come along, so a webhook can post them as structured
 * JSON; the SMS channel sends the one-line rendering.
 */
export interface OutboundMessage {
  /** An e-mail address, an E.164 phone number or a webhook URL, as the channel's kind needs. */
  to: string;
  subject: string;
  text: string;
  /** The short, one-line form for SMS. */
  sms: string;
  template: string;
  params: Record<string, unknown>;
  notificationId: string;
}

/**
 * The port every outbound channel implements (e-mail, SMS, webhooks). The caller runs the
 * vendor gate before each `send`; a channel only carries the message.
 */
export interface NotificationChannel {
  kind: ChannelKind;
  /** The vendor the messages pass through. */
  vendorId: string;
  /**
   * Sends one message; throws a ChannelError when the provider refuses it or cannot be reached.
   * The provider's id for the message, when it gives one (SMS status callbacks find it by it).
   */
  send(message: OutboundMessage): Promise<{ providerId: string | null }>;
}

/**
 * A send that failed, described in Ringfence's words only (an error code, an SMTP reply code
 * and the command it answered, an HTTP status and a provider's numeric code), never the
 * provider's text, which may quote an address, a number or the message itself.
 */
export class ChannelError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** Why a fetch failed, from Node's own error codes (never a URL or a body). */
export function fetchFailure(err: unknown, who: string): ChannelError {
  const e = err as { name?: unknown; cause?: { code?: unknown } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return new ChannelError(`${who} did not answer in time`);
  const code = typeof e.cause?.code === 'string' && /^[A-Z_]{2,40}$/.test(e.cause.code) ? e.cause.code : 'EFETCH';
  return new ChannelError(`${who} could not be reached (${code})`);
}
