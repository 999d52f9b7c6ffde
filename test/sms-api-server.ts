/**
 * A real HTTP server on 127.0.0.1 speaking Twilio's Messages API as Twilio documents it, for
 * the SMS channel's tests: `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`, form-encoded,
 * HTTP Basic auth with the account SID and auth token. It answers 201 with a message resource
 * (`sid` SM…, `status` queued), 401 `{code: 20003}` for bad credentials, 400 `{code: 21604}`
 * without a To, and 400 `{code: 21211}` for an invalid To (not E.164, or Twilio's magic invalid
 * test number +15005550001); like Twilio's, its error messages quote the number, so a test can
 * prove Ringfence never repeats them.
 *
 * `deliver(sid, status)` then posts the status callback to the message's StatusCallback URL,
 * signed as Twilio signs (X-Twilio-Signature: base64 HMAC-SHA1 over the URL and the sorted
 * parameters), written here from Twilio's documentation rather than shared with the code under
 * test, so a mistake on either side shows.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestContext } from 'node:test';

export const INVALID_TEST_NUMBER = '+15005550001';

export interface ReceivedSms {
  sid: string;
  accountSid: string;
  to: string;
  from: string;
  body: string;
  statusCallback: string | null;
}

export interface SmsApiServer {
  /** The API's origin, for the channel's baseUrl. */
  url: string;
  received: ReceivedSms[];
  /** Requests refused, with the answer's status and code. */
  refused: { status: number; code: number }[];
  waitFor(count: number): Promise<ReceivedSms[]>;
  /**
   * Posts the status callback of a message as Twilio would; answers the callback's HTTP status.
   * `signature`: 'valid' (default), 'bad' (signed with another token), 'missing', or 'tampered'
   * (signed, then a parameter changed).
   */
  deliver(sid: string, status: string, options?: { errorCode?: string; signature?: 'valid' | 'bad' | 'missing' | 'tampered'; url?: string }): Promise<number>;
}

/** Twilio's signature: base64(HMAC-SHA1(authToken, url + each POST parameter, sorted by name, as name + value)). */
function twilioSignature(authToken: string, url: string, params: Record<string, string>): string {
  let data = url;
  for (const name of Object.keys(params).sort()) data += name + params[name];
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Starts the server on 127.0.0.1 with one account; closed after the test. */
export async function startSmsApiServer(t: TestContext, account: { accountSid: string; authToken: string }): Promise<SmsApiServer> {
  const received: ReceivedSms[] = [];
  const refused: { status: number; code: number }[] = [];
  const refuse = (res: ServerResponse, status: number, code: number, message: string) => {
    refused.push({ status, code });
    send(res, status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
  };

  const server = createServer((req, res) => {
    void (async () => {
      const match = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(req.url ?? '');
      if (req.method !== 'POST' || !match) return refuse(res, 404, 20404, 'The requested resource was not found');
      const [user, pass] = Buffer.from(/^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '', 'base64').toString('utf8').split(':');
      if (user !== account.accountSid || pass !== account.authToken || decodeURIComponent(match[1]!) !== account.accountSid) return refuse(res, 401, 20003, 'Authenticate');
      if (!/^application\/x-www-form-urlencoded\b/.test(req.headers['content-type'] ?? '')) return refuse(res, 400, 20001, 'Unsupported content type');
      const form = new URLSearchParams(await readBody(req));
      const to = form.get('To');
      const from = form.get('From');
      const body = form.get('Body');
      if (!to) return refuse(res, 400, 21604, "A 'To' phone number is required.");
      if (!from) return refuse(res, 400, 21603, "A 'From' phone number is required.");
      if (!body) return refuse(res, 400, 21602, 'Message body is required.');
      if (!/^\+[1-9][0-9]{7,14}$/.test(to) || to === INVALID_TEST_NUMBER) return refuse(res, 400, 21211, `The 'To' number ${to} is not a valid phone number.`);
      const sid = `SM${randomBytes(16).toString('hex')}`;
      received.push({ sid, accountSid: account.accountSid, to, from, body, statusCallback: form.get('StatusCallback') });
      send(res, 201, {
        sid,
        account_sid: account.accountSid,
        to,
        from,
        body,
        status: 'queued',
        num_segments: '1',
        direction: 'outbound-api',
        api_version: '2010-04-01',
        date_created: new Date().toUTCString(),
        error_code: null,
        error_message: null,
        uri: `/2010-04-01/Accounts/${account.accountSid}/Messages/${sid}.json`,
      });
    })().catch((err: unknown) => {
      res.writeHead(500);
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    received,
    refused,
    async waitFor(count) {
      for (let i = 0; i < 100 && received.length < count; i += 1) await new Promise((r) => setTimeout(r, 50));
      return received;
    },
    async deliver(sid, status, options = {}) {
      const message = received.find((m) => m.sid === sid);
      if (!message) throw new Error(`no message ${sid} was received`);
      const callback = options.url ?? message.statusCallback;
      if (!callback) throw new Error(`message ${sid} asked for no status callback`);
      const params: Record<string, string> = {
        AccountSid: message.accountSid,
        ApiVersion: '2010-04-01',
        From: message.from,
        To: message.to,
        MessageSid: sid,
        MessageStatus: status,
        SmsSid: sid,
        SmsStatus: status,
        ...(options.errorCode ? { ErrorCode: options.errorCode } : {}),
      };
      const mode = options.signature ?? 'valid';
      const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'TwilioProxy/1.1' };
      if (mode !== 'missing') headers['x-twilio-signature'] = twilioSignature(mode === 'bad' ? `${account.authToken}-not` : account.authToken, callback, params);
      const sent = mode === 'tampered' ? { ...params, MessageStatus: status === 'delivered' ? 'failed' : 'delivered' } : params;
      const res = await fetch(callback, { method: 'POST', headers, body: new URLSearchParams(sent).toString() });
      await res.arrayBuffer();
      return res.status;
    },
  };
}
