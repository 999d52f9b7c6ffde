import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { API_TYPES_FILE, generateApiTypes } from './openapi-types.ts';

test('the web app’s API types match the server’s OpenAPI document (run `npm run api:types` after changing a route)', async () => {
  assert.equal(readFileSync(API_TYPES_FILE, 'utf8'), await generateApiTypes());
});
