import assert from 'node:assert/strict';
import { request } from 'node:http';
import { test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startConsole } from './harness.ts';

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET over plain node:http, so the body arrives as sent (fetch would decompress it). */
function get(url: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

test('the console is served compressed, fingerprinted files cached for good, index.html revalidated, missing assets a 404', async (t) => {
  const app = await startConsole(t);

  const index = await get(`${app.url}/`);
  assert.equal(index.status, 200);
  assert.equal(index.headers['cache-control'], 'no-cache');
  const script = /<script[^>]+src="(\/assets\/index-[\w-]+\.js)"/.exec(index.body.toString())?.[1];
  assert.ok(script, 'index.html loads its entry script from /assets/');

  const identity = await get(`${app.url}${script}`);
  assert.equal(identity.status, 200);
  assert.equal(identity.headers['content-encoding'], undefined, 'no Accept-Encoding: the file as it is');
  assert.match(String(identity.headers['content-type']), /javascript/);
  assert.equal(identity.headers['cache-control'], 'public, max-age=31536000, immutable');
  assert.match(String(identity.headers.vary), /accept-encoding/i);

  const br = await get(`${app.url}${script}`, { 'accept-encoding': 'gzip, deflate, br' });
  assert.equal(br.headers['content-encoding'], 'br');
  assert.match(String(br.headers['content-type']), /javascript/);
  assert.equal(br.headers['cache-control'], 'public, max-age=31536000, immutable');
  assert.match(String(br.headers.vary), /accept-encoding/i);
  assert.ok(br.body.length < identity.body.length / 2, `brotli ${br.body.length} bytes against ${identity.body.length}`);
  assert.ok(brotliDecompressSync(br.body).equals(identity.body));

  const gz = await get(`${app.url}${script}`, { 'accept-encoding': 'gzip' });
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.ok(gz.body.length < identity.body.length / 2, `gzip ${gz.body.length} bytes against ${identity.body.length}`);
  assert.ok(gunzipSync(gz.body).equals(identity.body));

  // Client-side routes get index.html, never cached; a missing asset is not the console.
  const route = await get(`${app.url}/callbacks`, { 'accept-encoding': 'br' });
  assert.equal(route.status, 200);
  assert.equal(route.headers['cache-control'], 'no-cache');
  assert.ok(route.body.toString().includes('<div id="root">'));
  const missing = await get(`${app.url}/assets/index-Missing0.js`, { 'accept-encoding': 'br' });
  assert.equal(missing.status, 404);
  assert.match(String(missing.headers['content-type']), /application\/problem\+json/);
});
