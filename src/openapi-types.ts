import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import openapiTS, { astToString } from 'openapi-typescript';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';

export const API_TYPES_FILE = new URL('../web/src/api/schema.ts', import.meta.url).pathname;

/**
 * The TypeScript types of the API, generated from the server's own OpenAPI document, so the
 * web app never keeps hand-written copies of the server's schemas.
 */
export async function generateApiTypes(): Promise<string> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ringfence-openapi-'));
  try {
    const config = loadConfig({ RINGFENCE_DATA_DIR: dataDir, RINGFENCE_MASTER_KEY: randomBytes(32).toString('base64'), RINGFENCE_LOG_LEVEL: 'silent' }, dataDir);
    const app = await buildApp(config, { background: false });
    await app.ready();
    const document = app.swagger();
    await app.close();
    const ast = await openapiTS(document as Parameters<typeof openapiTS>[0], { alphabetize: true });
    return `// Generated from the server's OpenAPI document by \`npm run api:types\`. Do not edit.\n\n${astToString(ast)}`;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
