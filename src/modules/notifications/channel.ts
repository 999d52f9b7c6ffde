import type { ChannelKind } from './notifications.tables.ts';

/** One message as a channel sends it: already rendered from a fixed template, so never PHI. */
export interface OutboundMessage {
  to: string;
  subject: string;
  text: string;
}

/**
 * The port every outbound channel implements (e-mail now; SMS and webhooks later). The
 * caller runs the vendor gate before each `send`; a channel only carries the message.
 */
export interface NotificationChannel {
  kind: ChannelKind;
  /** The vendor the messages pass through. */
  vendorId: string;
  /** Sends one message; throws a ChannelError when the provider refuses it or cannot be reached. */
  send(message: OutboundMessage): Promise<{ providerId: string }>;
}

/**
 * A send that failed, described in Ringfence's words only (an error code, an SMTP reply code
 * and the command it answered), never the provider's text, which may quote an address or the
 * message itself.
 */
export class ChannelError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}
