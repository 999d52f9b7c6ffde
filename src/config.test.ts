import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

const dir = () => mkdtempSync(path.join(tmpdir(), 'ringfence-config-'));

test('defaults: port 3000 on 127.0.0.1, SQLite under ./data, 15-minute idle and 12-hour sessions', () => {
  const cwd = dir();
  const config = loadConfig({}, cwd);
  assert.equal(config.port, 3000);
  assert.equal(config.host, '127.0.0.1');
  assert.equal(config.dataDir, path.join(cwd, 'data'));
  assert.equal(config.databaseUrl, null);
  assert.equal(config.sessionIdleMinutes, 15);
  assert.equal(config.sessionAbsoluteHours, 12);
  assert.equal(config.production, false);
});

test('an invalid setting fails with one line naming it', () => {
  const cases: [Record<string, string>, string][] = [
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://localhost/x' }, 'DATABASE_URL'],
    [{ RINGFENCE_MASTER_KEY: 'too-short' }, 'RINGFENCE_MASTER_KEY'],
    [{ RINGFENCE_SESSION_IDLE_MINUTES: '0' }, 'RINGFENCE_SESSION_IDLE_MINUTES'],
    [{ RINGFENCE_LOG_LEVEL: 'loud' }, 'RINGFENCE_LOG_LEVEL'],
    [{ RINGFENCE_SQLITE_SYNCHRONOUS: 'off' }, 'RINGFENCE_SQLITE_SYNCHRONOUS'],
    [{ RINGFENCE_TLS_CERT: 'cert.pem' }, 'RINGFENCE_TLS_KEY'],
    [{ RINGFENCE_ALLOW_GENERATED_KEY: 'maybe' }, 'RINGFENCE_ALLOW_GENERATED_KEY'],
    [{ RINGFENCE_CONFIG: 'missing.json' }, 'RINGFENCE_CONFIG'],
  ];
  for (const [env, setting] of cases) {
    assert.throws(
      () => loadConfig(env, dir()),
      (err: unknown) => err instanceof ConfigError && err.setting === setting && !err.message.includes('\n') && err.message.includes(setting),
      `${JSON.stringify(env)} names ${setting}`,
    );
  }
});

test('a JSON config file is read; the environment wins; unknown keys are refused', () => {
  const cwd = dir();
  writeFileSync(path.join(cwd, 'ringfence.config.json'), JSON.stringify({ port: 8080, host: '0.0.0.0', sessionIdleMinutes: 10 }));
  const config = loadConfig({ PORT: '9090' }, cwd);
  assert.equal(config.port, 9090);
  assert.equal(config.host, '0.0.0.0');
  assert.equal(config.sessionIdleMinutes, 10);
  writeFileSync(path.join(cwd, 'ringfence.config.json'), JSON.stringify({ prot: 1 }));
  assert.throws(() => loadConfig({}, cwd), /prot is not a known setting/);
  writeFileSync(path.join(cwd, 'ringfence.config.json'), '{ nope');
  assert.throws(() => loadConfig({}, cwd), /RINGFENCE_CONFIG .* is not valid JSON/);
});

test('SQLite syncs its log at checkpoints by default; full (per commit) from the environment or the file; anything else is refused', () => {
  assert.equal(loadConfig({}, dir()).sqliteSynchronous, 'normal');
  assert.equal(loadConfig({ RINGFENCE_SQLITE_SYNCHRONOUS: 'full' }, dir()).sqliteSynchronous, 'full');
  const cwd = dir();
  writeFileSync(path.join(cwd, 'ringfence.config.json'), JSON.stringify({ sqliteSynchronous: 'full' }));
  assert.equal(loadConfig({}, cwd).sqliteSynchronous, 'full');
  assert.equal(loadConfig({ RINGFENCE_SQLITE_SYNCHRONOUS: 'normal' }, cwd).sqliteSynchronous, 'normal');
  assert.throws(() => loadConfig({ RINGFENCE_SQLITE_SYNCHRONOUS: 'extra' }, dir()), /Invalid configuration: RINGFENCE_SQLITE_SYNCHRONOUS must be one of normal, full \(got "extra"\)/);
});
