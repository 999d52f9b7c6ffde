import { performance } from 'node:perf_hooks';
import { verifyPassword } from '../../src/platform/auth/passwords.ts';
import { BENCH_PASSWORD, createBenchOrg, type Benchmark } from '../harness.ts';
import { runClosedLoop } from '../load.ts';
import { LatencyRecorder, round } from '../stats.ts';

// Two cores: more sign-ins at once would only queue for them.
const CONCURRENCY = 2;
const VERIFY_SAMPLES = 10;

/** The password step of sign-in, dominated by argon2id; the figure that sizes a login storm. */
export const authSignin: Benchmark = {
  name: 'auth.signin',
  description: `POST /api/auth/login with the right password (argon2id verify, session, audit event), ${CONCURRENCY} at a time`,
  async run(env) {
    const bench = await env.startApp();
    const org = await createBenchOrg(bench);

    // argon2id alone, one at a time, to show how much of a sign-in is the hash.
    const { password_hash: hash } = await bench.tenant(org.orgId).selectFrom('users').select('password_hash').where('id', '=', org.adminId).executeTakeFirstOrThrow();
    const verify = new LatencyRecorder();
    for (let i = 0; i < VERIFY_SAMPLES; i += 1) {
      const started = performance.now();
      if (!(await verifyPassword(hash, BENCH_PASSWORD))) throw new Error('the benchmark password does not verify');
      verify.record(performance.now() - started);
    }

    const payload = JSON.stringify({ email: org.adminEmail, password: BENCH_PASSWORD });
    const load = await runClosedLoop({ concurrency: CONCURRENCY, durationMs: env.settings.durationMs, warmupMs: env.settings.warmupMs }, async () => {
      const res = await bench.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload });
      if (res.statusCode !== 200) throw new Error(`sign-in answered ${res.statusCode}: ${res.body}`);
    });
    return {
      ops_per_s: load.opsPerSecond,
      p50_ms: load.latency.p50,
      p99_ms: load.latency.p99,
      figures: { concurrency: CONCURRENCY, argon2_verify_p50_ms: round(verify.summary().p50) },
    };
  },
};
