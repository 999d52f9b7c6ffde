import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { TestContext } from 'node:test';

export interface ReceivedMail {
  from: string | null;
  to: string[];
  user: string | null;
  subject: string;
  messageId: string | null;
  text: string;
  raw: string;
}

export interface SmtpProcess {
  port: number;
  received: ReceivedMail[];
  /** Waits until `count` messages have arrived (or fails after a few seconds). */
  waitFor(count: number): Promise<ReceivedMail[]>;
  /** Stops the server: later connections are refused. */
  stop(): Promise<void>;
}

/** Starts test/smtp-server.ts as a child process on 127.0.0.1; stopped after the test. */
export async function startSmtpServer(t: TestContext, options: { user?: string; pass?: string; reject?: string } = {}): Promise<SmtpProcess> {
  const args = ['--import', 'tsx', new URL('./smtp-server.ts', import.meta.url).pathname, ...Object.entries(options).map(([k, v]) => `--${k}=${v}`)];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const received: ReceivedMail[] = [];
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  const stop = async () => {
    if (!exited) child.kill('SIGTERM');
    await exit;
  };
  t.after(stop);
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the SMTP server did not start')), 15_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const parsed = JSON.parse(line) as { port?: number } & ReceivedMail;
      if (typeof parsed.port === 'number') {
        clearTimeout(timer);
        resolve(parsed.port);
      } else received.push(parsed);
    });
  });
  return {
    port,
    received,
    stop,
    async waitFor(count) {
      for (let i = 0; i < 100 && received.length < count; i += 1) await new Promise((r) => setTimeout(r, 50));
      return received;
    },
  };
}
