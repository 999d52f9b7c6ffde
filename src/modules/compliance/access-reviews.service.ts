/**
 * Access reviews: a campaign ("pre-flu-season review, October") lists every active person's
 * roles and client assignments as they stand when it opens. Each goes to a reviewer: the
 * campaign's named reviewer, else a supervisor of the client, else whoever opened it or
 * another administrator or compliance officer; never the person themself. The reviewer
 * certifies or revokes it; a revocation removes the assignment at once (permissions are read
 * on every request). The campaign closes when every item is decided, and its items are the
 * signed-off report.
 */
import { randomUUID } from 'node:crypto';
import { assertCan, can } from '../../platform/authz/guard.ts';
import { actorUserId, audit, inTransaction, type ActorContext } from '../../platform/context.ts';
import { AppError, invalidField, notFound } from '../../platform/http/errors.ts';
import { revokeAssignmentInTx } from '../users/index.ts';
import type { AccessReviewDecision, AccessReviewDetail, AccessReviewInput, AccessReviewItemView, AccessReviewView } from './compliance.schemas.ts';

function me(ctx: ActorContext): string {
  const id = actorUserId(ctx);
  if (!id) throw new AppError('forbidden', 'Access reviews are done by people.');
  return id;
}

/** A compliance officer sees every campaign and item; anyone else only the items they review. */
function oversees(ctx: ActorContext): boolean {
  return can(ctx, 'read', 'ComplianceRecord');
}

export async function openAccessReview(ctx: ActorContext, input: AccessReviewInput): Promise<AccessReviewDetail> {
  assertCan(ctx, 'create', 'ComplianceRecord');
  const opener = me(ctx);
  const name = input.name.trim();
  if (!name) throw invalidField('name', 'must not be empty');
  const id = randomUUID();
  const now = new Date().toISOString();
  await inTransaction(ctx, async (tx) => {
    if (input.reviewerId) {
      const reviewer = await tx.db.selectFrom('users').select('id').where('id', '=', input.reviewerId).where('status', '=', 'active').executeTakeFirst();
      if (!reviewer) throw new AppError('not_found', 'Reviewer not found among active people.', { field: 'reviewerId' });
    }
    const assignments = await tx.db
      .selectFrom('role_assignments')
      .innerJoin('users', (j) => j.onRef('users.id', '=', 'role_assignments.user_id').onRef('users.org_id', '=', 'role_assignments.org_id'))
      .innerJoin('roles', (j) => j.onRef('roles.id', '=', 'role_assignments.role_id').onRef('roles.org_id', '=', 'role_assignments.org_id'))
      .select(['role_assignments.id', 'role_assignments.user_id', 'role_assignments.client_id', 'roles.key'])
      .where('users.status', '=', 'active')
      .orderBy('users.display_name')
      .orderBy('roles.key')
      .execute();
    if (assignments.length === 0) throw new AppError('conflict', 'No one holds a role to review.');
    const supervisors = assignments.filter((a) => a.key === 'supervisor' && a.client_id !== null);
    // Failing a named reviewer and a supervisor of the client: whoever opened the campaign, or
    // for their own access another administrator or compliance officer.
    const overseers = [opener, ...assignments.filter((a) => a.key === 'admin' || a.key === 'compliance').map((a) => a.user_id)];
    const reviewerFor = (a: (typeof assignments)[number]): string => {
      const supervisor = a.client_id ? supervisors.find((s) => s.client_id === a.client_id && s.user_id !== a.user_id)?.user_id : undefined;
      const reviewer = [input.reviewerId, supervisor, ...overseers].find((id) => id !== undefined && id !== a.user_id);
      if (!reviewer) throw new AppError('conflict', 'No one else can review this person’s access: name a reviewer.', { field: 'reviewerId' });
      return reviewer;
    };
    await tx.db.insertInto('access_reviews', { id, name, status: 'open', due_on: input.dueOn ?? null, created_by: opener, created_at: now, closed_by: null, closed_at: null }).execute();
    await tx.db
      .insertInto(
        'access_review_items',
        assignments.map((a) => ({
          id: randomUUID(),
          review_id: id,
          assignment_id: a.id,
          user_id: a.user_id,
          role_key: a.key,
          client_id: a.client_id,
          reviewer_id: reviewerFor(a),
          decision: null,
          decided_by: null,
          decided_at: null,
          note: null,
        })),
      )
      .execute();
    await audit(tx, { action: 'access_review.opened', resourceType: 'AccessReview', resourceId: id, details: { name, items: assignments.length } });
  });
  return getAccessReview(ctx, id);
}

async function findReview(ctx: ActorContext, id: string) {
  const review = await ctx.db.selectFrom('access_reviews').selectAll().where('id', '=', id).executeTakeFirst();
  if (!review) throw notFound('Access review');
  return review;
}

async function itemsOf(ctx: ActorContext, reviewId: string, reviewerId: string | null): Promise<AccessReviewItemView[]> {
  let q = ctx.db
    .selectFrom('access_review_items')
    .innerJoin('users as person', (j) => j.onRef('person.id', '=', 'access_review_items.user_id').onRef('person.org_id', '=', 'access_review_items.org_id'))
    .innerJoin('users as reviewer', (j) => j.onRef('reviewer.id', '=', 'access_review_items.reviewer_id').onRef('reviewer.org_id', '=', 'access_review_items.org_id'))
    .leftJoin('clients', (j) => j.onRef('clients.id', '=', 'access_review_items.client_id').onRef('clients.org_id', '=', 'access_review_items.org_id'))
    .select([
      'access_review_items.id',
      'access_review_items.user_id',
      'person.display_name as user_name',
      'access_review_items.role_key',
      'access_review_items.client_id',
      'clients.name as client_name',
      'access_review_items.reviewer_id',
      'reviewer.display_name as reviewer_name',
      'access_review_items.decision',
      'access_review_items.decided_at',
      'access_review_items.note',
    ])
    .where('access_review_items.review_id', '=', reviewId);
  if (reviewerId) q = q.where('access_review_items.reviewer_id', '=', reviewerId);
  const rows = await q.orderBy('person.display_name').orderBy('access_review_items.role_key').orderBy('access_review_items.id').execute();
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    userName: r.user_name,
    role: r.role_key,
    clientId: r.client_id,
    clientName: r.client_name ?? null,
    reviewerId: r.reviewer_id,
    reviewerName: r.reviewer_name,
    decision: r.decision as AccessReviewItemView['decision'],
    decidedAt: r.decided_at,
    note: r.note,
  }));
}

type Progress = AccessReviewView['progress'];

function summary(review: { id: string; name: string; status: string; due_on: string | null; created_at: string; closed_at: string | null }, progress: Progress): AccessReviewView {
  return { id: review.id, name: review.name, status: review.status as AccessReviewView['status'], dueOn: review.due_on, createdAt: review.created_at, closedAt: review.closed_at, progress };
}

function progressOf(items: AccessReviewItemView[]): Progress {
  return { total: items.length, decided: items.filter((i) => i.decision !== null).length, revoked: items.filter((i) => i.decision === 'revoked').length };
}

/** Campaigns: all of them for a compliance officer; for anyone else, those with items for them to review. */
export async function listAccessReviews(ctx: ActorContext): Promise<AccessReviewView[]> {
  const reviewer = oversees(ctx) ? null : me(ctx);
  // Progress per campaign in one grouped query (the reviewer's own items only, for a reviewer).
  let counts = ctx.db
    .selectFrom('access_review_items')
    .select((eb) => [
      'review_id',
      eb.fn.countAll<number>().as('total'),
      eb.fn.count<number>('decision').as('decided'),
      eb.fn.sum<number>(eb.case().when('decision', '=', 'revoked').then(1).else(0).end()).as('revoked'),
    ])
    .groupBy('review_id');
  if (reviewer) counts = counts.where('reviewer_id', '=', reviewer);
  const [reviews, rows] = await Promise.all([ctx.db.selectFrom('access_reviews').selectAll().orderBy('created_at', 'desc').execute(), counts.execute()]);
  const progress = new Map(rows.map((r) => [r.review_id, { total: Number(r.total), decided: Number(r.decided), revoked: Number(r.revoked ?? 0) }]));
  return reviews.filter((r) => !reviewer || progress.has(r.id)).map((r) => summary(r, progress.get(r.id) ?? { total: 0, decided: 0, revoked: 0 }));
}

export async function getAccessReview(ctx: ActorContext, id: string): Promise<AccessReviewDetail> {
  const reviewer = oversees(ctx) ? null : me(ctx);
  const review = await findReview(ctx, id);
  const items = await itemsOf(ctx, id, reviewer);
  if (reviewer && items.length === 0) throw notFound('Access review');
  return { ...summary(review, progressOf(items)), items };
}

/** Certifies or revokes one item; a revocation removes the assignment at once. */
export async function decideAccessReviewItem(ctx: ActorContext, reviewId: string, itemId: string, input: AccessReviewDecision): Promise<AccessReviewDetail> {
  const actor = me(ctx);
  await inTransaction(ctx, async (tx) => {
    const review = await findReview(tx, reviewId);
    const item = await tx.db.selectFrom('access_review_items').selectAll().where('id', '=', itemId).where('review_id', '=', reviewId).executeTakeFirst();
    if (!item || (item.reviewer_id !== actor && !can(tx, 'update', 'ComplianceRecord'))) throw notFound('Review item');
    if (review.status !== 'open') throw new AppError('conflict', 'This review is closed.', { field: 'status' });
    if (item.decision !== null) throw new AppError('conflict', `Already ${item.decision}`, { field: 'decision' });
    if (item.user_id === actor) throw new AppError('forbidden', 'No one reviews their own access.');
    const decision = input.decision === 'certify' ? 'certified' : 'revoked';
    if (decision === 'revoked') {
      const still = await tx.db.selectFrom('role_assignments').select('id').where('id', '=', item.assignment_id).executeTakeFirst();
      if (still) await revokeAssignmentInTx(tx, item.user_id, item.assignment_id);
    }
    await tx.db
      .updateTable('access_review_items')
      .set({ decision, decided_by: actor, decided_at: new Date().toISOString(), note: input.note?.trim() || null })
      .where('id', '=', itemId)
      .execute();
    await audit(tx, { action: 'access_review.decided', resourceType: 'AccessReview', resourceId: reviewId, clientId: item.client_id, details: { itemId, userId: item.user_id, role: item.role_key, decision } });
  });
  return getAccessReview(ctx, reviewId);
}

/** Closes a campaign once every item is decided: its items are the signed-off report. */
export async function closeAccessReview(ctx: ActorContext, id: string): Promise<AccessReviewDetail> {
  assertCan(ctx, 'update', 'ComplianceRecord');
  const actor = me(ctx);
  await inTransaction(ctx, async (tx) => {
    const review = await findReview(tx, id);
    if (review.status !== 'open') throw new AppError('conflict', 'This review is already closed.', { field: 'status' });
    const open = await tx.db.selectFrom('access_review_items').select((eb) => eb.fn.countAll<number>().as('n')).where('review_id', '=', id).where('decision', 'is', null).executeTakeFirstOrThrow();
    if (Number(open.n) > 0) throw new AppError('conflict', `${open.n} items are still undecided`, { field: 'status' });
    await tx.db.updateTable('access_reviews').set({ status: 'closed', closed_by: actor, closed_at: new Date().toISOString() }).where('id', '=', id).execute();
    await audit(tx, { action: 'access_review.closed', resourceType: 'AccessReview', resourceId: id, details: { name: review.name } });
  });
  return getAccessReview(ctx, id);
}
