import { Command } from 'commander';
import cliProgress from 'cli-progress';
import { ConfigError, loadConfig, type RingfenceConfig } from '../config.ts';
import { startServer } from '../server.ts';
import { ensureWebBuild } from '../web-build.ts';
import { demoNeedsSeeding, printDemoAccounts, readDemoAccounts, seedDemo } from './demo.ts';
import { sealSettled } from '../platform/audit/chain.ts';
import { loadAuditSigner, writeCheckpoints, sendToWitness } from '../platform/audit/checkpoints.ts';
import { recordVerifications, verifyTrails } from '../platform/audit/integrity.ts';
import { createWitnessServer } from '../platform/audit/witness.ts';
import { pruneOrganization } from '../platform/audit/retention.ts';
import { SYSTEM_SOURCE } from '../platform/audit/events.ts';
import { exportAuditTrail } from '../platform/audit/export.ts';
import { checkExportOptions, writeAuditExport, type ExportCommandOptions } from './audit-export.ts';
import { MasterKeyError, openKeyRing } from '../platform/crypto/key-provider.ts';
import type { KeyRing } from '../platform/crypto/keyring.ts';
import { openDatabase, type RingfenceDatabase } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { MIGRATIONS } from '../modules/index.ts';
import { AppError } from '../platform/http/errors.ts';
import { unsafeSystemContext } from '../platform/system-context.ts';
import { scanPhiLines } from '../phi/scan.ts';
import { keyStatus, rewrap, rotateDataKey, rotateMasterKey, type KeyAdminContext } from '../platform/crypto/key-admin.ts';
import { unsafeCreateOrganization } from '../modules/organizations/organizations.service.ts';
import { createUser, deactivateUser, listUsers } from '../modules/users/users.service.ts';

/** Reads a secret piped on standard input (one line). */
async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new AppError('validation', 'Pipe the password on standard input, e.g. `printf %s "$PW" | ringfence …`.', { field: 'password' });
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

interface Opened {
  config: RingfenceConfig;
  database: RingfenceDatabase;
  keyring: KeyRing;
}

/** Opens the configured database (migrated) and key ring for a one-off command. */
async function open(): Promise<Opened> {
  const config = loadConfig();
  const database = openDatabase(config);
  await migrateToLatest(database, MIGRATIONS);
  const { keyring } = openKeyRing(config);
  return { config, database, keyring };
}

async function withDatabase<T>(fn: (o: Opened) => Promise<T>): Promise<T> {
  const opened = await open();
  try {
    return await fn(opened);
  } finally {
    await sealSettled(opened.database).catch(() => 0);
    await opened.database.close();
  }
}

/** The organization a command acts on: the one given, or the only one there is. */
async function resolveOrg(database: RingfenceDatabase, orgId: string | undefined): Promise<string> {
  if (orgId) {
    const found = await database.unsafeKysely.selectFrom('organizations').select('id').where('id', '=', orgId).executeTakeFirst();
    if (!found) throw new AppError('not_found', `No organization ${orgId}`, { field: 'org' });
    return orgId;
  }
  const orgs = await database.unsafeKysely.selectFrom('organizations').select('id').limit(2).execute();
  if (orgs.length === 0) throw new AppError('not_found', 'No organization yet: run `ringfence init` first.');
  if (orgs.length > 1) throw new AppError('validation', 'Several organizations exist: name one with --org ID.', { field: 'org' });
  return orgs[0]!.id;
}

function keyAdminContext(database: RingfenceDatabase, keyring: KeyRing, orgId: string): KeyAdminContext {
  return { tenant: unsafeSystemContext(database, keyring, orgId).db, keyring, source: SYSTEM_SOURCE };
}

function parseRole(spec: string): { role: string; clientId: string | null } {
  const [role, clientId] = spec.split(':');
  return { role: role!, clientId: clientId || null };
}

const program = new Command();
program.name('ringfence').description('Ringfence: HIPAA-compliant task coordination for medical call centers').showHelpAfterError();

program
  .command('serve')
  .description('Start the server (what `npm start` runs); builds the web console if needed, runs migrations first')
  .action(async () => {
    const config = loadConfig();
    await ensureWebBuild((line) => console.log(line));
    await startServer(config);
  });

program
  .command('demo')
  .description('Start Ringfence on SQLite in ./demo-data with a synthetic demo organization (one person per role); `demo codes` prints current sign-in codes')
  .argument('[action]', '"codes" prints the demo accounts with their current authenticator codes')
  .action(async (action?: string) => {
    const env: Record<string, string | undefined> = { ...process.env, RINGFENCE_DATA_DIR: process.env.RINGFENCE_DEMO_DIR ?? './demo-data' };
    // The demo is always the embedded database, apart from any real one.
    delete env.DATABASE_URL;
    const config = loadConfig(env);
    if (action === 'codes') {
      const accounts = readDemoAccounts(config.dataDir);
      if (!accounts) throw new AppError('not_found', 'The demo has not been seeded yet: run `npm run demo` first.');
      await printDemoAccounts(accounts, console.log);
      return;
    }
    if (action !== undefined) throw new AppError('validation', `Unknown demo action "${action}" (did you mean "codes"?)`);
    const database = openDatabase(config);
    try {
      await migrateToLatest(database, MIGRATIONS);
      const { keyring } = openKeyRing(config);
      const fresh = await demoNeedsSeeding(database);
      const accounts = fresh ? await seedDemo(database, keyring, config.dataDir) : readDemoAccounts(config.dataDir);
      await sealSettled(database);
      if (fresh) console.log(`Seeded the demo organization in ${config.dataDir}.`);
      if (accounts) await printDemoAccounts(accounts, console.log);
    } finally {
      await database.close();
    }
    await ensureWebBuild((line) => console.log(line));
    await startServer(config);
  });

program
  .command('migrate')
  .description('Bring the database schema up to date')
  .action(async () => {
    const config = loadConfig();
    const database = openDatabase(config);
    try {
      const results = await migrateToLatest(database, MIGRATIONS);
      console.log(results.length === 0 ? `Database (${database.engine}) is up to date.` : results.map((r) => `${r.status}: ${r.migrationName}`).join('\n'));
    } finally {
      await database.close();
    }
  });

program
  .command('init')
  .description('Create an organization and its first administrator; prints {"orgId","userId","totpUri"}')
  .requiredOption('--org <name>', 'organization name')
  .requiredOption('--email <email>', 'the administrator’s email address')
  .option('--name <displayName>', 'the administrator’s display name')
  .requiredOption('--password-stdin', 'read the administrator’s password from standard input')
  .action(async (opts: { org: string; email: string; name?: string }) => {
    const password = await readStdin();
    await withDatabase(async ({ database, keyring }) => {
      const created = await unsafeCreateOrganization(database, keyring, { orgName: opts.org, email: opts.email, password, displayName: opts.name }, SYSTEM_SOURCE);
      console.log(JSON.stringify({ orgId: created.orgId, userId: created.userId, totpUri: created.totpUri }));
    });
  });

const audit = program.command('audit').description('The tamper-evident audit trail');
audit
  .command('verify')
  .description('Verify the hash chain; exit 0 when it verifies, 1 naming the first bad event')
  .option('--org <id>', 'only this organization')
  .option('--json', 'print the result as JSON')
  .action(async (opts: { org?: string; json?: boolean }) => {
    await withDatabase(async ({ database, config }) => {
      const signer = loadAuditSigner(config);
      const bar = process.stderr.isTTY && !opts.json ? new cliProgress.SingleBar({ stream: process.stderr, format: 'verifying {org} [{bar}] {value}/{total} events' }, cliProgress.Presets.shades_classic) : null;
      let current: string | null = null;
      // Events this command's own start wrote are sealed first, so the walk covers the whole trail.
      await sealSettled(database);
      const started = performance.now();
      const results = await verifyTrails(database, config, signer, opts.org ?? null, (orgId, checked, total) => {
        if (!bar) return;
        if (current !== orgId) {
          if (current) bar.stop();
          bar.start(total, 0, { org: orgId.slice(0, 8) });
          current = orgId;
        }
        bar.update(checked);
      });
      bar?.stop();
      const seconds = (performance.now() - started) / 1000;
      const events = results.reduce((n, r) => n + r.sealed, 0);
      await recordVerifications(database, results, 'command');
      // Each result carries its own seconds and eventsPerSecond.
      if (opts.json) console.log(JSON.stringify(results));
      else {
        for (const r of results) {
          const signed = r.checkpoint ? `matches the checkpoint signed ${r.checkpoint.at} at position ${r.checkpoint.position} (${r.checkpoint.source})` : 'no signed checkpoint yet';
          if (r.ok) console.log(`ok    org ${r.orgId}: ${r.sealed} events verified, head ${r.headHash.slice(0, 16)}…, ${signed}, ${r.unsealed} not yet sealed, ${r.eventsPerSecond} events/s`);
          else console.log(`FAIL  org ${r.orgId}: event ${r.firstProblem!.eventId} at position ${r.firstProblem!.position}: ${r.firstProblem!.reason}`);
        }
        console.log(`total ${events} events of ${results.length} organization(s) verified in ${seconds.toFixed(1)} s: ${Math.round(events / Math.max(seconds, 0.001))} events/s`);
      }
      process.exitCode = results.every((r) => r.ok) ? 0 : 1;
    });
  });

audit
  .command('checkpoint')
  .description('Sign every organization’s chain head now and store the checkpoints (the server does this every RINGFENCE_AUDIT_CHECKPOINT_INTERVAL_MS)')
  .action(async () => {
    await withDatabase(async ({ database, config }) => {
      await sealSettled(database);
      const written = await writeCheckpoints(database, config, loadAuditSigner(config), new Map());
      for (const c of written) {
        if (config.auditWitnessUrl) await sendToWitness(config.auditWitnessUrl, c);
        console.log(`signed org ${c.orgId}: position ${c.position}, head ${c.hash.slice(0, 16)}…`);
      }
      if (written.length === 0) console.log('every chain head is already checkpointed');
    });
  });
audit
  .command('prune')
  .description('Remove the oldest checkpointed segment of each chain that lies wholly past retention (RINGFENCE_AUDIT_RETENTION_YEARS, at least 6), leaving a signed record of it')
  .option('--org <id>', 'only this organization')
  .option('--dry-run', 'say what would be pruned, prune nothing')
  .action(async (opts: { org?: string; dryRun?: boolean }) => {
    await withDatabase(async ({ database, config }) => {
      const signer = loadAuditSigner(config);
      await sealSettled(database);
      const orgs = opts.org ? [opts.org] : (await database.unsafeKysely.selectFrom('organizations').select('id').execute()).map((o) => o.id);
      for (const orgId of orgs) {
        // Evidence is pruned only from a trail that verifies.
        const [verified] = await verifyTrails(database, config, signer, orgId);
        if (!verified!.ok) {
          console.log(`FAIL  org ${orgId}: not pruned, the trail does not verify (${verified!.firstProblem!.reason})`);
          process.exitCode = 1;
          continue;
        }
        const r = await pruneOrganization(database, config, signer, orgId, { dryRun: opts.dryRun });
        if (!r.segment) console.log(`keep  org ${orgId}: no checkpointed segment lies wholly before ${r.cutoff}`);
        else console.log(`${opts.dryRun ? 'would prune' : 'pruned'} org ${orgId}: positions 1–${r.segment.throughPosition} (${r.segment.events} events, ${r.segment.oldestAt} to ${r.segment.newestAt}), signed at ${r.segment.checkpointAt}${opts.dryRun ? '' : `; ${r.deleted} links removed`}`);
      }
    });
  });
audit
  .command('public-key')
  .description('Print the public key that checks audit checkpoints (give it to the witness and to auditors)')
  .action(() => {
    const signer = loadAuditSigner(loadConfig());
    process.stdout.write(signer.publicKey.export({ type: 'spki', format: 'pem' }).toString());
  });
audit
  .command('witness')
  .description('Run an audit witness: keeps a copy of every signed checkpoint it is sent, apart from Ringfence’s database')
  .requiredOption('--dir <directory>', 'where the witness keeps its checkpoints')
  .option('--port <port>', 'port to listen on', '3030')
  .option('--host <host>', 'address to listen on', '127.0.0.1')
  .option('--public-key <file>', 'refuse checkpoints not signed by this key (PEM, from `ringfence audit public-key`)')
  .action(async (opts: { dir: string; port: string; host: string; publicKey?: string }) => {
    const { createPublicKey } = await import('node:crypto');
    const { readFileSync } = await import('node:fs');
    const server = createWitnessServer({ dir: opts.dir, publicKey: opts.publicKey ? createPublicKey(readFileSync(opts.publicKey, 'utf8')) : null });
    await new Promise<void>((resolve) => server.listen(Number(opts.port), opts.host, resolve));
    const address = server.address();
    console.log(`audit witness listening on http://${opts.host}:${address && typeof address === 'object' ? address.port : opts.port}, keeping checkpoints in ${opts.dir}`);
    const stop = () => server.close(() => process.exit(0));
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });

audit
  .command('export')
  .description('Write one organization’s audit events of a period as JSON Lines, CSV or a FHIR R4 Bundle of AuditEvents, oldest first; the export is itself an audit event')
  .option('--format <format>', 'jsonl, csv or fhir')
  .option('--from <time>', 'start of the period (inclusive), ISO 8601 with its offset, e.g. 2026-01-01T00:00:00Z')
  .option('--to <time>', 'end of the period (exclusive), ISO 8601 with its offset')
  .option('--client <id>', 'only this client’s events')
  .option('--org <id>', 'organization (needed when there are several)')
  .option('--out <file>', 'write to this file instead of standard output')
  .addHelpText('after', '\nExit status: 0 when the export is written; 2 for a missing or invalid format, time or period; 1 otherwise.')
  .action(async (opts: ExportCommandOptions) => {
    const checked = checkExportOptions(opts);
    if ('error' in checked) {
      console.error(`Error: ${checked.error}`);
      process.exitCode = 2;
      return;
    }
    await withDatabase(async ({ database, keyring }) => {
      // The command line exports as the compliance officer would, and is audited as the system.
      const ctx = unsafeSystemContext(database, keyring, await resolveOrg(database, opts.org), 'compliance');
      await writeAuditExport(await exportAuditTrail(ctx, checked.query), checked.out, progressBar('exporting [{bar}] {value}/{total} events'));
    });
  });

const user = program.command('user').description('Manage people');
user
  .command('add')
  .description('Add a person; they enrol an authenticator at first sign-in')
  .requiredOption('--email <email>', 'email address')
  .requiredOption('--name <displayName>', 'display name')
  .option('--org <id>', 'organization (needed when there are several)')
  .option('--role <role...>', 'role, or role:clientId for one client (repeatable)')
  .requiredOption('--password-stdin', 'read the first password from standard input')
  .action(async (opts: { email: string; name: string; org?: string; role?: string[] }) => {
    const password = await readStdin();
    await withDatabase(async ({ database, keyring }) => {
      const ctx = unsafeSystemContext(database, keyring, await resolveOrg(database, opts.org));
      const created = await createUser(ctx, { email: opts.email, displayName: opts.name, password, roles: (opts.role ?? []).map(parseRole) });
      console.log(JSON.stringify({ userId: created.id, email: created.email, roles: created.roles.map((r) => (r.clientId ? `${r.role}:${r.clientId}` : r.role)) }));
    });
  });
user
  .command('deactivate')
  .description('Deactivate a person and end all their sessions')
  .requiredOption('--email <email>', 'email address')
  .option('--org <id>', 'organization (needed when the address is used in several)')
  .action(async (opts: { email: string; org?: string }) => {
    await withDatabase(async ({ database, keyring }) => {
      let query = database.unsafeKysely.selectFrom('users').select(['id', 'org_id']).where('email', '=', opts.email.trim().toLowerCase());
      if (opts.org) query = query.where('org_id', '=', opts.org);
      const matches = await query.limit(2).execute();
      if (matches.length > 1) throw new AppError('validation', `${opts.email} is used in several organizations: name one with --org`, { field: 'org' });
      const found = matches[0];
      if (!found) throw new AppError('not_found', `No person with email ${opts.email}`, { field: 'email' });
      const done = await deactivateUser(unsafeSystemContext(database, keyring, found.org_id), found.id);
      console.log(`Deactivated ${done.email}; their sessions have ended.`);
    });
  });
user
  .command('list')
  .description('List people')
  .option('--org <id>', 'organization (needed when there are several)')
  .option('--json', 'print JSON')
  .action(async (opts: { org?: string; json?: boolean }) => {
    await withDatabase(async ({ database, keyring }) => {
      const ctx = unsafeSystemContext(database, keyring, await resolveOrg(database, opts.org));
      const rows = [];
      for (let offset = 0; ; offset += 200) {
        const page = await listUsers(ctx, { limit: 200, offset });
        rows.push(...page.items);
        if (rows.length >= page.total) break;
      }
      if (opts.json) console.log(JSON.stringify(rows));
      else
        console.table(
          rows.map((u) => ({ email: u.email, name: u.displayName, status: u.status, mfa: u.mfaEnrolled ? 'yes' : 'no', roles: u.roles.map((r) => (r.clientName ? `${r.role} (${r.clientName})` : r.role)).join(', ') })),
        );
    });
  });

program
  .command('scan-phi')
  .description('Find PHI in text: reads JSON Lines {"id","text"} on standard input, writes one line {"id","spans":[{"start","end","type"}]} per input line')
  .addHelpText(
    'after',
    `
Offsets are JavaScript string indices (UTF-16 code units), end exclusive; spans are sorted
and do not overlap. Types: NAME, PHONE, FAX, EMAIL, DATE, ADDRESS, SSN, MRN, INSURANCE_ID,
URL, IP, LICENSE, VEHICLE, DEVICE, OTHER_ID. Blank lines are skipped. Nothing but result
lines is written to standard output.

Exit status: 0 when every line was read; 2 when a line is not a JSON object with a string
or number "id" and a string "text" (each such line is named on standard error and skipped).

Example:
  echo '{"id":1,"text":"cb 555-201-3344 dob 4/12/61"}' | npx ringfence scan-phi`,
  )
  .action(async () => {
    process.exitCode = await scanPhiLines(process.stdin, process.stdout, process.stderr);
  });

const keys = program.command('keys').description('Encryption keys: status, data-key rotation, rewrap, master-key rotation');

/** A progress bar on a terminal, nothing otherwise. */
function progressBar(format: string): cliProgress.SingleBar | null {
  return process.stderr.isTTY ? new cliProgress.SingleBar({ stream: process.stderr, format }, cliProgress.Presets.shades_classic) : null;
}

keys
  .command('status')
  .description('Key versions of the organization and each client, and how many rows still wait for `keys rewrap`')
  .option('--org <id>', 'organization (needed when there are several)')
  .option('--client <id>', 'only this client')
  .option('--json', 'print JSON')
  .action(async (opts: { org?: string; client?: string; json?: boolean }) => {
    await withDatabase(async ({ database, keyring }) => {
      const ctx = keyAdminContext(database, keyring, await resolveOrg(database, opts.org));
      const status = await keyStatus(ctx, opts.client);
      if (opts.json) return console.log(JSON.stringify(status));
      console.table(
        status.map((s) => ({
          owner: s.clientName ?? '(organization)',
          client: s.clientId ?? '',
          version: s.currentVersion ?? 'none yet',
          destroyed: s.keys.some((k) => k.destroyedAt) ? 'yes' : '',
          'rows to rewrap': s.rowsToRewrap,
        })),
      );
    });
  });

keys
  .command('rotate')
  .description('Make a new data-key version; new writes use it at once. Then run `ringfence keys rewrap` to re-encrypt older values')
  .option('--org <id>', 'organization (needed when there are several)')
  .option('--client <id>', 'the client whose key to rotate')
  .option('--org-key', 'rotate the organization’s own key (authenticator secrets) instead')
  .action(async (opts: { org?: string; client?: string; orgKey?: boolean }) => {
    if (!opts.client === !opts.orgKey) throw new AppError('validation', 'Name a client with --client ID, or use --org-key.', { field: 'client' });
    await withDatabase(async ({ database, keyring }) => {
      const ctx = keyAdminContext(database, keyring, await resolveOrg(database, opts.org));
      const clientId = opts.client ?? null;
      if (clientId) await keyStatus(ctx, clientId);
      const version = await rotateDataKey(ctx, clientId);
      console.log(`Data key version ${version} is now current for ${clientId ? `client ${clientId}` : 'the organization'}. Run \`ringfence keys rewrap\` to re-encrypt older values.`);
    });
  });

keys
  .command('rewrap')
  .description('Re-encrypt values still under an older data-key version, in batches, while the app runs; Ctrl-C stops after the current batch and running it again resumes')
  .option('--org <id>', 'organization (needed when there are several)')
  .option('--client <id>', 'only this client')
  .option('--batch-size <n>', 'rows per transaction', '200')
  .action(async (opts: { org?: string; client?: string; batchSize: string }) => {
    const batchSize = Number(opts.batchSize);
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) throw new AppError('validation', '--batch-size must be a whole number from 1 to 10000.', { field: 'batch-size' });
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once('SIGINT', onSignal);
    try {
      await withDatabase(async ({ database, keyring }) => {
        const ctx = keyAdminContext(database, keyring, await resolveOrg(database, opts.org));
        let total = 0;
        for (const owner of await keyStatus(ctx, opts.client)) {
          if (owner.rowsToRewrap === 0) continue;
          const label = owner.clientName ?? 'organization';
          const bar = progressBar(`rewrapping ${label.slice(0, 24)} [{bar}] {value}/{total} rows`);
          const result = await rewrap(ctx, owner.clientId, {
            batchSize,
            signal: stop.signal,
            onProgress: (p) => (p.done === 0 ? bar?.start(p.total, 0) : bar?.update(p.done)),
          });
          bar?.stop();
          total += result.rewrapped;
          console.log(`${label}: ${result.rewrapped} rows re-encrypted under version ${owner.currentVersion}`);
          if (result.interrupted) {
            console.log('Interrupted. Run `ringfence keys rewrap` again to resume.');
            process.exitCode = 130;
            return;
          }
        }
        console.log(total === 0 ? 'Nothing to rewrap: every value is under its current key.' : `Done: ${total} rows re-encrypted.`);
      });
    } finally {
      process.off('SIGINT', onSignal);
    }
  });

keys
  .command('rotate-master')
  .description(
    'After switching RINGFENCE_MASTER_KEY(_FILE) to a new key and setting RINGFENCE_PREVIOUS_MASTER_KEY_FILE to the old one: rewrap every data key under the new master key (data is not re-encrypted)',
  )
  .action(async () => {
    await withDatabase(async ({ database, keyring }) => {
      const orgs = await database.unsafeKysely.selectFrom('organizations').select('id').execute();
      let total = 0;
      for (const org of orgs) total += await rotateMasterKey(keyAdminContext(database, keyring, org.id));
      console.log(`${total} data keys rewrapped under master key ${keyring.masterKeyId}. RINGFENCE_PREVIOUS_MASTER_KEY_FILE is no longer needed.`);
    });
  });

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof MasterKeyError) console.error(err.message);
  else if (err instanceof AppError) console.error(`Error: ${err.detail}`);
  else console.error(err instanceof Error ? `Error: ${err.message}` : err);
  process.exitCode = 1;
});

