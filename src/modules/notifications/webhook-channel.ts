/**
 * The webhook channel: a JSON POST to the recipient's URL, signed with the channel's secret so
 * the receiver can tell it came from Ringfence and was not replayed:
 *
 *   x-ringfence-timestamp: <unix seconds>
 *   x-ringfence-signature: v1=<hex HMAC-SHA256(secret, `${timestamp}.${rawBody}`)>
 *
 * The receiver recomputes the HMAC over the raw body it received and refuses a timestamp older
 * than its replay window (`verifyWebhookSignature`).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { isLoopbackHost } from '../../config.ts';
import { ChannelError, fetchFailure, type NotificationChannel, type OutboundMessage } from './channel.ts';

export interface WebhookCredentials {
  secret: string;
}

export const TIMESTAMP_HEADER = 'x-ringfence-timestamp';
export const SIGNATURE_HEADER = 'x-ringfence-signature';
const TIMEOUT_MS = 10_000;

/** A new signing secret: 32 random bytes, base64url. */
export function newWebhookSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The signature header's value for a body sent at `timestamp` (unix seconds). */
export function webhookSignature(secret: string, timestamp: number | string, rawBody: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

/**
 * Whether a webhook request is Ringfence's: the timestamp within the replay window of `now` and
 * one of the header's `v1=` signatures (comma-separated) equal, in constant time, to the HMAC of
 * the timestamp and the raw body. For receivers, and for Ringfence's own tests.
 */
export function verifyWebhookSignature(
  secret: string,
  timestamp: string | number | null | undefined,
  rawBody: string,
  header: string | null | undefined,
  { toleranceSeconds = 300, now = Date.now() }: { toleranceSeconds?: number; now?: number } = {},
): boolean {
  const ts = String(timestamp ?? '');
  if (!/^[0-9]{1,12}$/.test(ts) || typeof header !== 'string') return false;
  // A replay of a captured request is refused once its timestamp leaves the window.
  if (Math.abs(Math.floor(now / 1000) - Number(ts)) > toleranceSeconds) return false;
  const expected = Buffer.from(webhookSignature(secret, ts, rawBody));
  let match = false;
  for (const part of header.split(',')) {
    const given = Buffer.from(part.trim());
    // Every candidate is compared, so the time taken does not say which one matched.
    if (given.length === expected.length && timingSafeEqual(given, expected)) match = true;
  }
  return match;
}

/** Where a webhook may go: https, or http on this machine only; no credentials or fragment in the URL. */
export function isAllowedWebhookUrl(value: string): boolean {
  if (value.length > 2000 || !URL.canParse(value)) return false;
  const url = new URL(value);
  if (url.username || url.password || url.hash) return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}

/** A webhook channel: one signed POST per message; a 2xx answer means it was taken. */
export function webhookChannel(vendorId: string, credentials: WebhookCredentials | null): NotificationChannel {
  return {
    kind: 'webhook',
    vendorId,
    async send(message: OutboundMessage) {
      if (!credentials) throw new ChannelError('the webhook channel has no signing secret');
      if (!isAllowedWebhookUrl(message.to)) throw new ChannelError('the webhook address must use https');
      const sentAt = new Date();
      const body = JSON.stringify({ type: message.template, subject: message.subject, text: message.text, params: message.params, notificationId: message.notificationId, sentAt: sentAt.toISOString() });
      const timestamp = Math.floor(sentAt.getTime() / 1000);
      let res: Response;
      try {
        res = await fetch(message.to, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'user-agent': 'Ringfence-Webhook/1', [TIMESTAMP_HEADER]: String(timestamp), [SIGNATURE_HEADER]: webhookSignature(credentials.secret, timestamp, body) },
          body,
          // A redirect would send the signed message somewhere nobody configured.
          redirect: 'manual',
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        await res.arrayBuffer().catch(() => undefined);
      } catch (err) {
        throw fetchFailure(err, 'the webhook receiver');
      }
      if (res.status < 200 || res.status >= 300) throw new ChannelError(`the webhook receiver answered HTTP ${res.status}`);
      return { providerId: null };
    },
  };
}
