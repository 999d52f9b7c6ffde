import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { TestContext } from 'node:test';

export interface S3Process {
  endpoint: string;
  bucket: string;
  /** Where the server keeps the objects it was sent. */
  directory: string;
}

/** Starts test/s3-server.ts (s3rver) as a child process on 127.0.0.1; stopped and its objects removed after the test. */
export async function startS3Server(t: TestContext, bucket = 'ringfence-recordings'): Promise<S3Process> {
  const directory = mkdtempSync(path.join(tmpdir(), 'rf-s3-'));
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./s3-server.ts', import.meta.url).pathname, `--dir=${directory}`, `--bucket=${bucket}`], { stdio: ['ignore', 'pipe', 'inherit'] });
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  t.after(async () => {
    if (!exited) child.kill('SIGTERM');
    await exit;
    rmSync(directory, { recursive: true, force: true });
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the S3 server did not start')), 15_000);
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      resolve((JSON.parse(line) as { port: number }).port);
    });
  });
  return { endpoint: `http://127.0.0.1:${port}`, bucket, directory };
}
