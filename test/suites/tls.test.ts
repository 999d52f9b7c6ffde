import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { buildTestApp } from '../helpers.ts';
import { report } from './scale.ts';

/**
 * HTTPS as an outside scanner sees it: `sslscan` (Debian's package, installed by CI) against
 * Ringfence serving TLS on loopback with a throwaway certificate. Only TLS 1.2 and 1.3, only
 * forward-secret AEAD suites of at least 128 bits, and HSTS with the security headers on every
 * kind of answer.
 */

const run = promisify(execFile);
const SSLSCAN = '/usr/bin/sslscan';

function get(url: string, ca: Buffer, method = 'GET', body?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, ca, headers: body ? { 'content-type': 'application/json' } : {} }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

test('HTTPS: TLS 1.2 or later only, no weak ciphers, HSTS and the security headers on every answer', { skip: existsSync(SSLSCAN) ? false : 'sslscan is not installed (apt-get install sslscan; CI installs it)' }, async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rf-tls-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const cert = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1']);
  const app = await buildTestApp(t, { RINGFENCE_TLS_CERT: cert, RINGFENCE_TLS_KEY: key });
  const port = new URL(app.url).port;

  const { stdout } = await run(SSLSCAN, ['--no-colour', `127.0.0.1:${port}`], { timeout: 60_000 });
  const protocol = (name: string) => new RegExp(`^${name.replace('.', '\\.')}\\s+(enabled|disabled)`, 'm').exec(stdout)?.[1];
  for (const old of ['SSLv2', 'SSLv3', 'TLSv1.0', 'TLSv1.1']) assert.equal(protocol(old), 'disabled', `${old} is refused`);
  assert.equal(protocol('TLSv1.2'), 'enabled');
  assert.equal(protocol('TLSv1.3'), 'enabled');
  const ciphers = [...stdout.matchAll(/^(?:Preferred|Accepted)\s+(TLSv1\.[23])\s+(\d+) bits\s+(\S+)/gm)].map((m) => ({ protocol: m[1]!, bits: Number(m[2]), name: m[3]! }));
  assert.ok(ciphers.length >= 3, `sslscan listed the accepted ciphers:\n${stdout}`);
  const weak = ciphers.filter((c) => c.bits < 128 || !/GCM|CHACHA20/.test(c.name) || /RC4|DES|NULL|EXP|anon|MD5|PSK/.test(c.name) || (c.protocol === 'TLSv1.2' && !c.name.startsWith('ECDHE-')));
  assert.deepEqual(weak, [], 'no weak cipher is accepted');
  assert.doesNotMatch(stdout, /^TLSv\S+ vulnerable to heartbleed/m);

  const ca = readFileSync(cert);
  const base = `https://127.0.0.1:${port}`;
  const answers = await Promise.all([
    get(`${base}/api/health`, ca),
    get(`${base}/api/auth/me`, ca),
    get(`${base}/api/no-such-route`, ca),
    get(`${base}/api/openapi.json`, ca),
    get(`${base}/api/docs/`, ca),
    get(`${base}/api/auth/login`, ca, 'POST', '{"email":"nobody"}'),
  ]);
  assert.deepEqual(answers.map((a) => a.status), [200, 401, 404, 200, 200, 400]);
  for (const { status, headers } of answers) {
    assert.match(String(headers['strict-transport-security']), /max-age=31536000; includeSubDomains/, `HSTS on the ${status}`);
    assert.match(String(headers['content-security-policy']), /frame-ancestors 'none'/);
    assert.match(String(headers['content-security-policy']), /upgrade-insecure-requests/);
    assert.equal(headers['x-content-type-options'], 'nosniff');
    assert.equal(headers['x-frame-options'], 'DENY');
    assert.equal(headers['referrer-policy'], 'no-referrer');
  }
  report('tls', { protocols: 'TLSv1.2,TLSv1.3', ciphers: ciphers.map((c) => c.name).join(','), weak: weak.length, answersWithHeaders: answers.length });
});
