/**
 * Training: the courses, where each person stands in them, and completions as they are
 * recorded one by one (bulk imports are training-import.ts). Whether a person's standing opens
 * PHI is decided in phi-rules.ts.
 */
import { randomUUID } from 'node:crypto';
import { assertCan } from '../../platform/authz/guard.ts';
import { peopleReachingPhi } from '../../platform/authz/ability.ts';
import { lackingCourses, trainingStanding, trainingStandingOfAll } from './phi-rules.ts';
import { today } from '../../platform/calendar.ts';
import { actorUserId, audit, inTransaction, type ActorContext } from '../../platform/context.ts';
import type { CompletionInput, CourseView, TrainingOverviewEntry, TrainingStatus } from './compliance.schemas.ts';
import { AppError, invalidField, notFound } from '../../platform/http/errors.ts';
import { assertCalendarDay } from './baas.service.ts';

/** The organization's courses, in the order they were added. */
export async function listCourses(ctx: ActorContext): Promise<CourseView[]> {
  const rows = await ctx.db.selectFrom('courses').selectAll().orderBy('created_at').orderBy('key').execute();
  return rows.map((c) => ({ id: c.id, key: c.key, name: c.name, validityMonths: Number(c.validity_months), required: Number(c.required) === 1 }));
}

/** Where a person stands in every course: whether PHI is open to them, and what to complete. */
export async function trainingStatus(ctx: ActorContext, userId: string): Promise<TrainingStatus> {
  if (userId !== actorUserId(ctx)) assertCan(ctx, 'read', 'ComplianceRecord');
  const user = await ctx.db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
  if (!user) throw notFound('Person');
  const [courses, reaching] = await Promise.all([trainingStanding(ctx.db, userId), peopleReachingPhi(ctx.db, [userId])]);
  return { userId, reachesPhi: reaching.has(userId), phiAccess: lackingCourses(courses).length === 0, courses };
}

/** Every active person's training at a glance: who has PHI access, who lacks what. */
export async function trainingOverview(ctx: ActorContext): Promise<TrainingOverviewEntry[]> {
  assertCan(ctx, 'read', 'ComplianceRecord');
  const [people, standingOf, reaching] = await Promise.all([
    ctx.db.selectFrom('users').select(['id', 'display_name']).where('status', '=', 'active').orderBy('display_name').execute(),
    trainingStandingOfAll(ctx.db),
    peopleReachingPhi(ctx.db),
  ]);
  const out = [];
  for (const person of people) {
    const courses = standingOf(person.id);
    const lacking = lackingCourses(courses).map((c) => c.name);
    const expiries = courses.filter((c) => c.required && c.state === 'current').map((c) => c.expiresOn!).sort();
    out.push({ userId: person.id, displayName: person.display_name, reachesPhi: reaching.has(person.id), phiAccess: lacking.length === 0, lacking, nextExpiry: expiries[0] ?? null });
  }
  return out;
}

/** Records that a person completed a course; refuses dates in the future. */
export async function recordCompletion(ctx: ActorContext, input: CompletionInput): Promise<{ id: string }> {
  assertCan(ctx, 'create', 'ComplianceRecord');
  assertCalendarDay('completedOn', input.completedOn);
  if (input.completedOn > today()) throw invalidField('completedOn', 'must not be in the future');
  const evidence = input.evidence.trim();
  if (!evidence) throw invalidField('evidence', 'must not be empty: the attestation or the certificate');
  const id = randomUUID();
  await inTransaction(ctx, async (tx) => {
    const user = await tx.db.selectFrom('users').select('id').where('id', '=', input.userId).executeTakeFirst();
    if (!user) throw new AppError('not_found', 'Person not found.', { field: 'userId' });
    const course = await tx.db.selectFrom('courses').select(['id', 'key']).where('id', '=', input.courseId).executeTakeFirst();
    if (!course) throw new AppError('not_found', 'Course not found.', { field: 'courseId' });
    await tx.db
      .insertInto('training_completions', { id, user_id: input.userId, course_id: input.courseId, completed_on: input.completedOn, evidence, recorded_by: actorUserId(tx), created_at: new Date().toISOString() })
      .execute();
    await audit(tx, { action: 'training.completed', resourceType: 'User', resourceId: input.userId, details: { course: course.key, completedOn: input.completedOn } });
  });
  return { id };
}
