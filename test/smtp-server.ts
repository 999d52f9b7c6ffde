/**
 * A real SMTP server for the notification tests, run as a child process on 127.0.0.1: it
 * prints `{"port":…}` once listening, then each message it accepts as one JSON line
 * (envelope, subject, decoded text). Options (argv): `--user=NAME --pass=SECRET` require
 * those credentials; `--reject=TEXT` refuses any recipient whose address contains TEXT (550).
 */
import { SMTPServer } from 'smtp-server';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const user = arg('user');
const pass = arg('pass');
const reject = arg('reject');

/** Headers (unfolded) and the body of a raw message. */
function parse(raw: string): { headers: Map<string, string>; body: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: raw.slice(split + 4) };
}

function decodeBody(body: string, encoding: string | undefined): string {
  if (encoding?.toLowerCase() === 'quoted-printable') {
    const bytes = Buffer.from(body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
    return bytes.toString('utf8');
  }
  if (encoding?.toLowerCase() === 'base64') return Buffer.from(body, 'base64').toString('utf8');
  return body;
}

/** Encoded words (=?UTF-8?Q?…?=) in a header, as nodemailer writes them for non-ASCII subjects. */
function decodeHeader(value: string): string {
  return value.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_m, mode: string, text: string) =>
    mode.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
  );
}

const server = new SMTPServer({
  secure: false,
  // Loopback only, no TLS: the channel allows plain SMTP on 127.0.0.1 and requires STARTTLS elsewhere.
  disabledCommands: user ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
  allowInsecureAuth: true,
  authOptional: !user,
  logger: false,
  onAuth(auth, _session, callback) {
    if (auth.username === user && auth.password === pass) return callback(null, { user: auth.username });
    return callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
  },
  onRcptTo(address, _session, callback) {
    if (reject && address.address.includes(reject)) return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
    return callback();
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const { headers, body } = parse(raw);
      const message = {
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
        to: session.envelope.rcptTo.map((r) => r.address),
        user: session.user ?? null,
        subject: decodeHeader(headers.get('subject') ?? ''),
        messageId: headers.get('message-id') ?? null,
        text: decodeBody(body, headers.get('content-transfer-encoding')).replace(/\r\n/g, '\n'),
        raw,
      };
      process.stdout.write(`${JSON.stringify(message)}\n`);
      callback();
    });
  },
});

server.listen(0, '127.0.0.1', () => {
  const address = server.server.address();
  process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
