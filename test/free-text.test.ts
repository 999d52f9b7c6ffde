import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PHI_GUARDED, TEXT_KIND, TEXT_KINDS, VAULT_TEXT } from '../src/platform/http/schemas.ts';
import { buildTestApp } from './helpers.ts';

/**
 * Every string a person or an integration can send, walked from the route table: each must be
 * PHI-guarded operational text, vault text (PHI by nature, encrypted), a format or fixed value,
 * or declared not free text with its kind. A new field that is none of these fails here, so
 * nothing typed can reach storage or the append-only audit trail unguarded.
 */

type Schema = Record<string, unknown>;

function undeclaredStrings(schema: unknown, path: string): string[] {
  if (!schema || typeof schema !== 'object') return [];
  const s = schema as Schema;
  const out: string[] = [];
  if (s.type === 'string') {
    const kind = s[TEXT_KIND];
    const declared = s.format !== undefined || s.enum !== undefined || s.const !== undefined || s[PHI_GUARDED] === true || typeof s[VAULT_TEXT] === 'string' || (typeof kind === 'string' && kind in TEXT_KINDS);
    if (!declared) out.push(path);
  }
  if (s.type === 'object' && s.additionalProperties !== false && s.patternProperties === undefined && s.properties === undefined) out.push(`${path} (an open object)`);
  if (s.properties && typeof s.properties === 'object') for (const [k, v] of Object.entries(s.properties)) out.push(...undeclaredStrings(v, `${path}.${k}`));
  if (typeof s.additionalProperties === 'object') out.push(...undeclaredStrings(s.additionalProperties, `${path}.*`));
  if (s.items) out.push(...undeclaredStrings(s.items, `${path}[]`));
  for (const key of ['anyOf', 'oneOf', 'allOf']) if (Array.isArray(s[key])) for (const sub of s[key] as unknown[]) out.push(...undeclaredStrings(sub, path));
  return out;
}

test('every string field of every request is PHI-guarded, vault text, a fixed shape, or declared not free text', async (t) => {
  const app = await buildTestApp(t);
  const routes = app.app.registeredRoutes;
  assert.ok(routes.length > 50, 'the route table is walked');
  const undeclared: string[] = [];
  let strings = 0;
  for (const route of routes) {
    for (const part of ['body', 'querystring', 'params', 'headers'] as const) {
      const schema = route.schema?.[part];
      strings += JSON.stringify(schema ?? {}).split('"type":"string"').length - 1;
      for (const path of undeclaredStrings(schema, part)) undeclared.push(`${route.method} ${route.url} ${path}`);
    }
  }
  assert.ok(strings > 100, `request strings walked: ${strings}`);
  assert.deepEqual(undeclared, [], 'free text that is neither guarded nor declared');
});

test('the walk catches an undeclared field, in nested objects, arrays and unions', () => {
  const schema = { type: 'object', properties: { a: { type: 'string', maxLength: 10 }, b: { type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'null' }] } }, c: { type: 'string', format: 'uuid' }, d: { type: 'string', [TEXT_KIND]: 'secret' }, e: { type: 'string', [TEXT_KIND]: 'made-up' } } };
  assert.deepEqual(undeclaredStrings(schema, 'body'), ['body.a', 'body.b[]', 'body.e']);
});
