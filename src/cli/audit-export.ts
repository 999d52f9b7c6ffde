/** `ringfence audit export`: the checks on its options and the writing of the export. */
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type cliProgress from 'cli-progress';
import { AUDIT_EXPORT_FORMATS, parseExportTime, type AuditExport, type AuditExportFormat, type AuditExportQuery } from '../platform/audit/export.ts';

export interface ExportCommandOptions {
  format?: string;
  from?: string;
  to?: string;
  client?: string;
  org?: string;
  out?: string;
}

/**
 * The export's query from the command's options, or the usage error to print (exit status 2),
 * checked before the database is opened: the same rules as the HTTP route's.
 */
export function checkExportOptions(opts: ExportCommandOptions): { query: AuditExportQuery; out: string | null } | { error: string } {
  if (!opts.format) return { error: `--format is required: ${AUDIT_EXPORT_FORMATS.join(', ')}.` };
  if (!(AUDIT_EXPORT_FORMATS as readonly string[]).includes(opts.format)) return { error: `--format must be one of ${AUDIT_EXPORT_FORMATS.join(', ')}, not "${opts.format}".` };
  const example = { from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' };
  for (const option of ['from', 'to'] as const) {
    const value = opts[option];
    if (!value) return { error: `--${option} is required: a date and time (ISO 8601) with its offset, such as ${example[option]}.` };
    if (parseExportTime(value) === null) return { error: `--${option} must be a date and time (ISO 8601) with its offset, such as ${example[option]}, not "${value}".` };
  }
  if (parseExportTime(opts.to!)! <= parseExportTime(opts.from!)!) return { error: '--to must be later than --from (the period starts at --from, inclusive, and ends before --to).' };
  if (opts.client !== undefined && !/^[A-Za-z0-9_.:-]{1,64}$/.test(opts.client)) return { error: '--client must be a client id.' };
  return { query: { format: opts.format as AuditExportFormat, from: opts.from!, to: opts.to!, clientId: opts.client ?? null }, out: opts.out ?? null };
}

/**
 * Writes the export to standard output or to a file, a page at a time. A file is written
 * under a temporary name, readable by its owner only, and renamed once complete, so a
 * failed export never leaves a file that looks whole.
 */
export async function writeAuditExport(exported: AuditExport, out: string | null, bar: cliProgress.SingleBar | null): Promise<void> {
  bar?.start(exported.total, 0);
  const source = Readable.from(
    exported.chunks((n) => bar?.update(n)),
    { objectMode: false },
  );
  try {
    if (out === null) {
      await pipeline(source, process.stdout, { end: false });
      return;
    }
    const partial = `${out}.partial`;
    try {
      await pipeline(source, createWriteStream(partial, { mode: 0o600 }));
      await rename(partial, out);
    } catch (err) {
      await rm(partial, { force: true });
      throw err;
    }
  } finally {
    bar?.stop();
  }
}
