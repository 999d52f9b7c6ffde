/**
 * The SMS channel: the shape of Twilio's Messages API (other providers offer the same shape),
 * through the organization's SMS provider (a vendor). Each message asks the provider to report
 * its fate to Ringfence's status callback, signed with the channel's auth token.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { isLoopbackHost } from '../../config.ts';
import { ChannelError, fetchFailure, type NotificationChannel, type OutboundMessage } from './channel.ts';

export interface SmsSettings {
  /** The API's origin, https://api.twilio.com by default; plain http only on the loopback interface. */
  baseUrl: string;
  accountSid: string;
  /** The sending number, E.164. */
  fromNumber: string;
}

export interface SmsCredentials {
  authToken: string;
}

export const DEFAULT_SMS_BASE_URL = 'https://api.twilio.com';
const TIMEOUT_MS = 15_000;

/** Where the provider reports a message's status: the route verifies the provider's signature. */
export function smsStatusCallbackUrl(publicUrl: string, channelId: string): string {
  return `${publicUrl}/api/notifications/sms-status/${channelId}`;
}

/** Whether an API origin may carry the auth token: https, or http on this machine only. */
export function isAllowedApiOrigin(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}

/** The provider's answer to a refused request: its HTTP status and numeric code only, never its message (which may quote the number). */
async function refusal(res: Response): Promise<ChannelError> {
  let code: number | null = null;
  try {
    const body = (await res.json()) as { code?: unknown };
    if (typeof body.code === 'number' && Number.isInteger(body.code)) code = body.code;
  } catch {
    // No JSON: the status says enough.
  }
  const what = res.status === 401 || res.status === 403 ? 'the SMS provider refused the credentials' : res.status >= 500 ? 'the SMS provider failed' : 'the SMS provider refused the message';
  return new ChannelError(`${what} (HTTP ${res.status}${code !== null ? `, error ${code}` : ''})`);
}

/** An SMS channel: one API request per message, with the status callback of this channel. */
export function smsChannel(channelId: string, vendorId: string, settings: SmsSettings, credentials: SmsCredentials | null, publicUrl: string): NotificationChannel {
  return {
    kind: 'sms',
    vendorId,
    async send(message: OutboundMessage) {
      if (!credentials) throw new ChannelError('the SMS channel has no auth token');
      const base = new URL(settings.baseUrl);
      // Checked when saved too; checked again here because the token crosses the network.
      if (!isAllowedApiOrigin(base)) throw new ChannelError('the SMS API address must use https');
      const url = new URL(`/2010-04-01/Accounts/${encodeURIComponent(settings.accountSid)}/Messages.json`, base);
      const form = new URLSearchParams({ To: message.to, From: settings.fromNumber, Body: message.sms, StatusCallback: smsStatusCallbackUrl(publicUrl, channelId) });
      let res: Response;
      try {
        res = await fetch(url, {
          method: 'POST',
          headers: { authorization: `Basic ${Buffer.from(`${settings.accountSid}:${credentials.authToken}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
          body: form.toString(),
          redirect: 'error',
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch (err) {
        throw fetchFailure(err, 'the SMS provider');
      }
      if (res.status < 200 || res.status >= 300) throw await refusal(res);
      let sid: unknown;
      try {
        sid = ((await res.json()) as { sid?: unknown }).sid;
      } catch {
        sid = null;
      }
      if (typeof sid !== 'string' || !/^[A-Za-z0-9]{2,64}$/.test(sid)) throw new ChannelError(`the SMS provider answered without a message id (HTTP ${res.status})`);
      return { providerId: sid };
    },
  };
}

/**
 * Twilio's request signature: base64 of HMAC-SHA1, keyed with the auth token, over the full
 * URL the provider called followed by each POST parameter, sorted by name, as name then value.
 */
export function smsRequestSignature(authToken: string, url: string, params: Record<string, string>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, name) => acc + name + params[name], url);
  return createHmac('sha1', authToken).update(Buffer.from(data, 'utf8')).digest('base64');
}

/** Whether a status callback carries the signature of this channel's auth token (constant time). */
export function verifySmsRequestSignature(authToken: string, url: string, params: Record<string, string>, header: string | undefined): boolean {
  if (typeof header !== 'string' || header.length === 0) return false;
  const expected = Buffer.from(smsRequestSignature(authToken, url, params));
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
