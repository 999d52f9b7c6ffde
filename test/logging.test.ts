import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { Writable } from 'node:stream';
import path from 'node:path';
import { test } from 'node:test';
import type pino from 'pino';
import { buildApp, loggerOptions } from '../src/app.ts';
import { TEST_PASSWORD, createTestDatabase, testConfig, totpCode } from './helpers.ts';

test('logs carry request ids but never passwords, codes, cookies, CSRF tokens or query strings', async (t) => {
  const { database, settings } = await createTestDatabase(t);
  const config = testConfig(settings, { RINGFENCE_LOG_LEVEL: 'info' });
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(chunk.toString());
      cb();
    },
  });
  const options = loggerOptions(config) as pino.LoggerOptions;
  const app = await buildApp(config, { database, background: false, logger: { ...options, stream } as never });
  await app.listen({ port: 0, host: '127.0.0.1' });
  t.after(() => app.close());
  const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const login = await fetch(`${url}/api/auth/login?email=leak@example.test`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'nobody@example.test', password: TEST_PASSWORD }),
  });
  assert.equal(login.status, 401);
  const code = await totpCode('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
  await fetch(`${url}/api/auth/mfa`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: 'rf_session=secret-cookie-value', 'x-csrf-token': 'secret-csrf' }, body: JSON.stringify({ code }) });
  const all = lines.join('');
  assert.ok(all.includes('"reqId"'), 'requests are logged with their id');
  assert.ok(all.includes('"incoming request"') && all.includes('"request completed"'), 'JSON logs keep the structured request lines');
  for (const secret of [TEST_PASSWORD, 'secret-cookie-value', 'secret-csrf', 'leak@example.test', code]) assert.ok(!all.includes(secret), `the log must not contain ${secret}`);
});

test('pretty logs give one short line per request: method, path without its query, status, milliseconds', async (t) => {
  const { database, settings } = await createTestDatabase(t);
  const config = testConfig(settings, { RINGFENCE_LOG_LEVEL: 'info' });
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      cb();
    },
  });
  // The pretty options without their transport, so the test reads the lines pino-pretty would print.
  const options = loggerOptions(config, false) as pino.LoggerOptions;
  const app = await buildApp(config, { database, background: false, requestLines: true, logger: { ...options, stream } as never });
  await app.listen({ port: 0, host: '127.0.0.1' });
  t.after(() => app.close());
  const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  lines.length = 0;
  const login = await fetch(`${url}/api/auth/login?email=leak@example.test`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'nobody@example.test', password: TEST_PASSWORD }),
  });
  assert.equal(login.status, 401);
  assert.equal((await fetch(`${url}/api/health`)).status, 200);
  await app.close();
  const messages = lines.map((l) => (JSON.parse(l) as { msg: string }).msg).filter((m) => !/closing|shutting/i.test(m));
  assert.equal(messages.length, 2, `one line per request, got ${JSON.stringify(messages)}`);
  assert.match(messages[0]!, /^POST \/api\/auth\/login 401 \d+ms$/);
  assert.match(messages[1]!, /^GET \/api\/health 200 \d+ms$/);
  const all = lines.join('');
  for (const secret of [TEST_PASSWORD, 'leak@example.test', 'nobody@example.test']) assert.ok(!all.includes(secret), `the log must not contain ${secret}`);
});

test('with TLS configured the server speaks HTTPS, sends HSTS and a Secure __Host- cookie', async (t) => {
  const { database, settings } = await createTestDatabase(t);
  const cert = path.join(settings.dataDir, 'cert.pem');
  const key = path.join(settings.dataDir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' });
  const config = testConfig(settings, { RINGFENCE_TLS_CERT: cert, RINGFENCE_TLS_KEY: key });
  const app = await buildApp(config, { database, background: false });
  t.after(() => app.close());
  const res = await app.inject({ method: 'POST', url: '/api/setup', payload: { orgName: 'TLS Service', email: 'tls@example.test', password: 'quartz harbor signal 88' } });
  assert.equal(res.statusCode, 201);
  assert.match(String(res.headers['strict-transport-security']), /max-age=31536000/);
  const cookie = String(res.headers['set-cookie']);
  assert.match(cookie, /^__Host-rf_session=/);
  assert.match(cookie, /Secure/);
  assert.match(cookie, /HttpOnly/);
});
