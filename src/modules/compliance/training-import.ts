/**
 * Bulk import of training completions from CSV (an LMS export): `email,course,completed_on,
 * evidence` with a header row; `course` is a course key (hipaa_basics) or its name. A preview
 * checks every row and stores nothing; an import stores all rows in one transaction or, if any
 * row is wrong, none of them.
 */
import { detectPhi } from '../../phi/detect.ts';
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { assertCan } from '../../platform/authz/guard.ts';
import { isCalendarDay, today } from '../../platform/calendar.ts';
import { actorUserId, audit, inTransaction, type ActorContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { ImportResult, ImportRow } from './compliance.schemas.ts';

/** The most rows one import takes. */
export const MAX_IMPORT_ROWS = 5000;
const COLUMNS = ['email', 'course', 'completed_on', 'evidence'] as const;
const INSERT_BATCH = 500;

export async function importCompletions(ctx: ActorContext, csv: string, options: { dryRun: boolean }): Promise<ImportResult> {
  assertCan(ctx, 'create', 'ComplianceRecord');
  let records: string[][];
  try {
    records = parse(csv, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as string[][];
  } catch (err) {
    throw new AppError('validation', `The file is not readable CSV: ${err instanceof Error ? err.message.split('\n')[0] : 'parse error'}`, { field: 'file' });
  }
  const [header, ...body] = records;
  const names = (header ?? []).map((h) => h.toLowerCase());
  const missing = COLUMNS.filter((c) => !names.includes(c));
  if (missing.length > 0) throw new AppError('validation', `The header row must name ${COLUMNS.join(', ')}; missing ${missing.join(', ')}`, { field: 'file' });
  if (body.length === 0) throw new AppError('validation', 'The file has no rows after its header.', { field: 'file' });
  if (body.length > MAX_IMPORT_ROWS) throw new AppError('validation', `At most ${MAX_IMPORT_ROWS} rows per import (this file has ${body.length})`, { field: 'file' });
  const at = (record: string[], column: (typeof COLUMNS)[number]) => record[names.indexOf(column)] ?? '';

  const [people, courses] = await Promise.all([ctx.db.selectFrom('users').select(['id', 'email', 'status']).execute(), ctx.db.selectFrom('courses').select(['id', 'key', 'name']).execute()]);
  const personBy = new Map(people.map((p) => [p.email.toLowerCase(), p]));
  const courseBy = new Map([...courses.map((c) => [c.key.toLowerCase(), c] as const), ...courses.map((c) => [c.name.toLowerCase(), c] as const)]);
  const day = today();
  const seen = new Set<string>();
  const rows: (ImportRow & { userId?: string; courseId?: string; evidence: string })[] = body.map((record, i) => {
    const email = at(record, 'email');
    const course = at(record, 'course');
    const completedOn = at(record, 'completed_on');
    const evidence = at(record, 'evidence');
    const errors: string[] = [];
    const person = personBy.get(email.toLowerCase());
    if (!person) errors.push('email: no one with this address');
    else if (person.status !== 'active') errors.push('email: this person is deactivated');
    const found = courseBy.get(course.toLowerCase());
    if (!found) errors.push('course: no such course');
    if (!isCalendarDay(completedOn)) errors.push('completed_on: not a date (YYYY-MM-DD)');
    else if (completedOn > day) errors.push('completed_on: in the future');
    if (!evidence) errors.push('evidence: empty');
    else if (evidence.length > 2000) errors.push('evidence: longer than 2000 characters');
    // The same rule as evidence typed in the console: the PHI guard refuses PHI in it.
    else if (detectPhi(evidence).length > 0) errors.push(`evidence: contains PHI (${[...new Set(detectPhi(evidence).map((s) => s.type))].join(', ')}); describe the evidence without patient details`);
    const key = `${person?.id}|${found?.id}|${completedOn}`;
    if (errors.length === 0 && seen.has(key)) errors.push('a repeat of an earlier row');
    seen.add(key);
    return { line: i + 2, email, course, completedOn, errors, userId: person?.id, courseId: found?.id, evidence };
  });
  const invalid = rows.filter((r) => r.errors.length > 0).length;
  const result = (imported: number): ImportResult => ({ rows: rows.map(({ line, email, course, completedOn, errors }) => ({ line, email, course, completedOn, errors })), valid: rows.length - invalid, invalid, imported });
  if (options.dryRun) return result(0);
  if (invalid > 0) {
    throw new AppError('validation', `${invalid} of ${rows.length} rows have errors: nothing was imported`, {
      field: 'file',
      errors: rows.filter((r) => r.errors.length > 0).map((r) => ({ field: `line ${r.line}`, message: r.errors.join('; ') })),
    });
  }
  const now = new Date().toISOString();
  await inTransaction(ctx, async (tx) => {
    const values = rows.map((r) => ({ id: randomUUID(), user_id: r.userId!, course_id: r.courseId!, completed_on: r.completedOn, evidence: r.evidence, recorded_by: actorUserId(tx), created_at: now }));
    // Batches stay under SQLite's limit on bound parameters.
    for (let i = 0; i < values.length; i += INSERT_BATCH) await tx.db.insertInto('training_completions', values.slice(i, i + INSERT_BATCH)).execute();
    await audit(tx, { action: 'training.imported', resourceType: 'Organization', resourceId: tx.orgId, details: { rows: rows.length, people: new Set(rows.map((r) => r.userId)).size } });
  });
  return result(rows.length);
}
