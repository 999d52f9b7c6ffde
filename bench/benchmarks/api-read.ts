import autocannon from 'autocannon';
import { createBenchOrg, listen, sessionCookie, type Benchmark } from '../harness.ts';

const CONNECTIONS = 10;
const PEOPLE = 20;

/** An authenticated read over real HTTP: session lookup, grants, row scope and field filter, serialization. */
export const apiRead: Benchmark = {
  name: 'api.read',
  description: `GET /api/users (${PEOPLE} people) as the administrator over HTTP, ${CONNECTIONS} connections (autocannon)`,
  async run(env) {
    const bench = await env.startApp();
    const org = await createBenchOrg(bench, PEOPLE - 1);
    const cookie = await sessionCookie(bench, org.orgId, org.adminId);
    const url = `${await listen(bench.app)}/api/users`;

    // One request first, so a broken setup fails with its answer rather than as a count of non-2xx.
    const probe = await fetch(url, { headers: { cookie } });
    const body = await probe.text();
    if (probe.status !== 200) throw new Error(`GET /api/users answered ${probe.status}: ${body}`);
    const listed = (JSON.parse(body) as { items: unknown[] }).items.length;
    if (listed !== PEOPLE) throw new Error(`GET /api/users listed ${listed} people, expected ${PEOPLE}`);

    // The load comes from a worker thread: on the main thread it would take turns with the server it measures.
    const options = { url, connections: CONNECTIONS, workers: 1, headers: { cookie } };
    if (env.settings.warmupMs > 0) await autocannon({ ...options, duration: env.settings.warmupMs / 1000 });
    const result = await autocannon({ ...options, duration: env.settings.durationMs / 1000 });
    const failed = result.non2xx + result.errors;
    return {
      ops_per_s: result.requests.average,
      p50_ms: result.latency.p50,
      p99_ms: result.latency.p99,
      figures: { connections: CONNECTIONS, requests: result.requests.total, non2xx: result.non2xx, errors: result.errors },
      ...(failed > 0 ? { failure: `${result.non2xx} non-2xx answers and ${result.errors} connection errors` } : {}),
    };
  },
};
