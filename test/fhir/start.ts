/**
 * Starts test/fhir/server.ts (a FHIR R4 server loaded with synthetic patients) as a child
 * process for a test, and stops it again.
 *
 *   test('…', async (t) => {
 *     const fhir = await startFhirServer({ bearerToken: 'secret' }, t);
 *     await fetch(`${fhir.baseUrl}/Patient?name=garcia`, { headers: { authorization: 'Bearer secret' } });
 *   });
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface FhirServerOptions {
  /** When set, the server answers 401 to any request without `Authorization: Bearer <bearerToken>`. */
  bearerToken?: string;
}

export interface FhirServer {
  /** The R4 base, e.g. `http://127.0.0.1:41234/4_0_0`. */
  baseUrl: string;
  /** Terminates the server and waits for it to exit; safe to call more than once. */
  stop(): Promise<void>;
}

/** Anything with node:test's `after` (a TestContext or a suite context). */
export interface Teardown {
  after(fn: () => unknown): void;
}

const SERVER_SCRIPT = fileURLToPath(new URL('./server.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 5_000;
const READY_LINE = /^FHIR_LISTENING (\S+)$/m;
/** How much of the child's stderr is kept for error messages. */
const STDERR_LIMIT = 16_384;

/** Spawns the server and resolves once it prints its FHIR_LISTENING line. */
export async function startFhirServer(options: FhirServerOptions = {}, teardown?: Teardown): Promise<FhirServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER_SCRIPT], {
    cwd: REPO_ROOT,
    env: childEnv(options),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const stderr = collectTail(child);
  const stop = stopper(child);
  teardown?.after(stop);
  try {
    const baseUrl = await waitForReady(child, stderr);
    return { baseUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The child's environment: this process's, minus settings that must come from `options` only. */
function childEnv(options: FhirServerOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, FHIR_PORT: '0', FHIR_EXIT_WITH_PARENT: '1' };
  delete env.FHIR_BEARER_TOKEN;
  delete env.NODE_TEST_CONTEXT;
  if (options.bearerToken !== undefined) env.FHIR_BEARER_TOKEN = options.bearerToken;
  return env;
}

/** Keeps the last STDERR_LIMIT characters of the child's stderr. */
function collectTail(child: ChildProcess): () => string {
  let tail = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    tail = (tail + chunk).slice(-STDERR_LIMIT);
  });
  return () => tail;
}

/** Resolves with the base URL from the ready line; rejects if the child exits first or takes too long. */
function waitForReady(child: ChildProcess, stderr: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    const finish = (error: Error | null, baseUrl = ''): void => {
      clearTimeout(timer);
      child.off('exit', onExit);
      child.off('error', onError);
      child.stdout?.off('data', onData);
      child.stdout?.resume(); // keep draining anything printed later
      if (error) reject(error);
      else resolve(baseUrl);
    };
    const onData = (chunk: string): void => {
      stdout += chunk;
      const ready = READY_LINE.exec(stdout);
      if (ready?.[1]) finish(null, ready[1]);
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void =>
      finish(new Error(`FHIR test server exited before it was ready (${signal ?? `code ${code}`}):\n${stderr()}`));
    const onError = (error: Error): void => finish(new Error(`FHIR test server could not be started: ${error.message}`));
    const timer = setTimeout(
      () => finish(new Error(`FHIR test server was not ready within ${START_TIMEOUT_MS / 1000} s:\n${stderr()}`)),
      START_TIMEOUT_MS,
    );
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
    child.once('error', onError);
  });
}

/**
 * A stop() for the child: SIGTERM, then SIGKILL if it has not exited within STOP_TIMEOUT_MS.
 * Also kills the child if this process exits without calling it.
 */
function stopper(child: ChildProcess): () => Promise<void> {
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    // A child that never started (no pid) has no exit to wait for.
    child.on('error', () => {
      if (child.pid === undefined) resolve();
    });
  });
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  let stopping: Promise<void> | undefined;
  return () => {
    stopping ??= (async () => {
      if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const forced = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(forced);
      }
      child.stdin?.destroy();
      process.off('exit', killOnExit);
    })();
    return stopping;
  };
}
