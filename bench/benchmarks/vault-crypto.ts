import { randomUUID } from 'node:crypto';
import type { FieldLocation } from '../../src/platform/crypto/keyring.ts';
import { PATIENT_COLUMNS, PATIENT_FIELDS } from '../../src/modules/patients/patient-fields.ts';
import { createBenchClient, createBenchOrg, type Benchmark } from '../harness.ts';
import { runClosedLoop } from '../load.ts';
import { round } from '../stats.ts';

const VALUE_BYTES = 40;
const ROW_COLUMNS = 8;
/** Real ciphertext columns of the vault: the additional authenticated data is what a patient row's would be. */
const COLUMNS = PATIENT_FIELDS.slice(0, ROW_COLUMNS).map((f) => PATIENT_COLUMNS[f]);

/** A synthetic value of exactly VALUE_BYTES ASCII bytes, different for every operation. */
function syntheticValue(n: number): string {
  return `synthetic-value-${n.toString(36)}|`.padEnd(VALUE_BYTES, 'x');
}

/**
 * The PHI vault's field encryption: AES-256-GCM under the client's data key, which every
 * operation looks up by its indexed row (so a rotation or a shredded key is seen at once).
 * One at a time: the figure is the cost of one round trip, not how many a server can overlap.
 */
export const vaultCrypto: Benchmark = {
  name: 'vault.crypto',
  description: `encryptField+decryptField round trips of a ${VALUE_BYTES}-byte value, one at a time; encryptRow+decryptRow of ${ROW_COLUMNS} columns as figures`,
  async run(env) {
    const bench = await env.startApp();
    const org = await createBenchOrg(bench);
    const clientId = await createBenchClient(bench, org.orgId);
    const tenant = bench.tenant(org.orgId);
    const keyring = bench.app.platform.keyring;
    // The client's first data key, as its first patient would create it.
    await keyring.createDataKey(tenant, clientId);
    const options = { concurrency: 1, durationMs: env.settings.durationMs, warmupMs: env.settings.warmupMs };

    let n = 0;
    const field = await runClosedLoop(options, async () => {
      const plaintext = syntheticValue((n += 1));
      const location: FieldLocation = { clientId, table: 'patients', column: 'notes_enc', rowId: randomUUID() };
      const envelope = await keyring.encryptField(tenant, location, plaintext);
      const back = await keyring.decryptField(tenant, location, envelope);
      if (back !== plaintext) throw new Error(`decryptField returned ${JSON.stringify(back)} for ${JSON.stringify(plaintext)}`);
    });

    const row = await runClosedLoop(options, async () => {
      const owner = { clientId, table: 'patients', rowId: randomUUID() };
      const values: Record<string, string> = {};
      for (const column of COLUMNS) values[column] = syntheticValue((n += 1));
      const envelopes = await keyring.encryptRow(tenant, owner, values);
      const back = await keyring.decryptRow(tenant, owner, envelopes);
      for (const column of COLUMNS) {
        if (back[column] !== values[column]) throw new Error(`decryptRow returned ${JSON.stringify(back[column])} for ${JSON.stringify(values[column])} in ${column}`);
      }
    });

    return {
      ops_per_s: field.opsPerSecond,
      p50_ms: field.latency.p50,
      p99_ms: field.latency.p99,
      figures: {
        value_bytes: VALUE_BYTES,
        round_trips: field.operations,
        row_columns: ROW_COLUMNS,
        row_fields_per_s: round(row.opsPerSecond * ROW_COLUMNS, 1),
        row_round_trips_per_s: round(row.opsPerSecond, 1),
        row_p50_ms: round(row.latency.p50),
        row_p99_ms: round(row.latency.p99),
      },
    };
  },
};
