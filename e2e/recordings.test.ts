import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { auditEvents, createTestOrg, insertTestTask } from '../test/helpers.ts';
import { SCREENSHOTS, assertAccessible, launchBrowser, screenshot, signIn, startConsole } from './harness.ts';

/** A synthetic call: `seconds` of a quiet tone, 16 kHz 16-bit mono PCM in a WAV file (32 kB a second). */
function syntheticCall(seconds: number): Buffer {
  const rate = 16000;
  const samples = rate * seconds;
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write('WAVEfmt ', 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20);
  wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(rate, 24);
  wav.writeUInt32LE(rate * 2, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36);
  wav.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i += 1) wav.writeInt16LE(Math.round(2000 * Math.sin((2 * Math.PI * 440 * i) / rate)), 44 + i * 2);
  return wav;
}

test('recordings: a supervisor adds the call’s recording to a task, plays it, seeks to the middle (only that part is fetched and decrypted), and the playback is in the audit trail', async (t) => {
  const app = await startConsole(t);
  const org = await createTestOrg(app, { clients: ['A'], users: { supervisor: ['supervisor', 'A'] } });
  const task = await insertTestTask(app, org.orgId, org.clients.A!);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, 'synthetic-call.wav');
  const wav = syntheticCall(90);
  writeFileSync(file, wav);

  const { page } = await launchBrowser(t);
  await signIn(page, app.url, org.users.supervisor!);
  await page.goto(`${app.url}/callbacks?task=${task.id}`);
  const panel = page.locator('.task-panel');
  await panel.getByRole('heading', { name: 'Recordings' }).waitFor();
  await panel.getByText('No recording of this callback.').waitFor();
  // Every range the player asks for is answered 206, with the part of the recording it needs (at most 1 MiB at a time).
  const ranges: string[] = [];
  page.on('response', (r) => {
    if (r.url().includes('/audio') && r.status() === 206) ranges.push(r.headers()['content-range'] ?? '');
  });
  await panel.getByLabel('Add a recording of the call').setInputFiles(file);
  await panel.getByRole('button', { name: 'Upload' }).click();
  await page.getByText('Recording stored, encrypted.').waitFor();
  const audio = panel.locator('audio');
  await audio.waitFor();
  await audio.evaluate((a: HTMLAudioElement) => new Promise((resolve) => (a.readyState >= 1 ? resolve(null) : a.addEventListener('loadedmetadata', () => resolve(null), { once: true }))));
  const duration = await audio.evaluate((a: HTMLAudioElement) => a.duration);
  assert.ok(Math.abs(duration - 90) < 0.5, `a 90-second call (${duration} s)`);
  await audio.evaluate((a: HTMLAudioElement) => {
    a.muted = true;
    return a.play();
  });
  await screenshot(page, '180-recording-playing');
  const seeked = await audio.evaluate(
    (a: HTMLAudioElement) =>
      new Promise<number>((resolve) => {
        a.addEventListener('seeked', () => resolve(a.currentTime), { once: true });
        a.currentTime = 45;
      }),
  );
  assert.ok(seeked >= 44.9, `it plays from the middle (${seeked} s)`);
  await page.waitForFunction(() => {
    const a = document.querySelector('audio')!;
    return !a.paused && a.currentTime > 45.2;
  });
  await assertAccessible(page, 'a task with its recording');
  await screenshot(page, '181-recording-seeked');
  const middle = 44 + 45 * 16000 * 2;
  assert.ok(
    ranges.some((r) => {
      const [, start, end] = /bytes (\d+)-(\d+)/.exec(r) ?? [];
      return Number(start) > 0 && Number(start) <= middle && Number(end) >= middle;
    }),
    `the middle came in a range of its own, not from the start (${ranges.join('; ')})`,
  );

  // The patient's timeline lists the recording too.
  await page.goto(`${app.url}/patients/${task.patientId}/timeline`);
  const onTimeline = page.getByRole('region', { name: 'Call recordings' });
  await onTimeline.locator('audio').waitFor();
  await assertAccessible(page, 'a patient timeline with a recording');
  await screenshot(page, '182-recording-on-timeline');

  // Altered at rest (a byte of its first chunk flipped): the player refuses, and the screen says why.
  const [stored] = await readdir(path.join(app.app.platform.config.dataDir, 'recordings'), { recursive: true, withFileTypes: true }).then((all) => all.filter((e) => e.isFile()));
  const storedPath = path.join(stored!.parentPath, stored!.name);
  const bytes = readFileSync(storedPath);
  bytes[100]! ^= 1;
  writeFileSync(storedPath, bytes);
  await page.reload();
  await onTimeline.getByRole('alert').getByText(/failed its integrity check/).waitFor();
  await screenshot(page, '183-recording-refused');

  const played = (await auditEvents(app, org.orgId)).filter((e) => e.action === 'recording.played');
  assert.ok(played.length >= 2, 'each range played is an audit event');
  assert.ok(played.every((e) => e.actor_id === org.users.supervisor!.id && e.patient_ref !== null));
  assert.ok(played.some((e) => Number(/bytes (\d+)-/.exec(JSON.parse(e.details!).range)?.[1]) > 0), 'the seek is in the trail');
  assert.equal(wav.length, (await app.tenant(org.orgId).selectFrom('recordings').select('size_bytes').executeTakeFirstOrThrow()).size_bytes * 1);
});
