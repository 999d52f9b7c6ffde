import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { Id, IsoDate, IsoTime, Literals, Name, Nullable, Out, Strict, replies } from '../../platform/http/schemas.ts';
import { closeAccessReview, decideAccessReviewItem, getAccessReview, listAccessReviews, openAccessReview } from './access-reviews.service.ts';

const ReviewFields = {
  id: Type.String(),
  name: Type.String(),
  status: Literals(['open', 'closed'] as const),
  dueOn: Nullable(Type.String()),
  createdAt: IsoTime,
  closedAt: Nullable(IsoTime),
  progress: Out({ total: Type.Integer(), decided: Type.Integer(), revoked: Type.Integer() }),
};
const ReviewSchema = Out(ReviewFields);
const ItemSchema = Out({
  id: Type.String(),
  userId: Type.String(),
  userName: Type.String(),
  role: Type.String(),
  clientId: Nullable(Type.String()),
  clientName: Nullable(Type.String()),
  reviewerId: Type.String(),
  reviewerName: Type.String(),
  decision: Nullable(Literals(['certified', 'revoked'] as const)),
  decidedAt: Nullable(IsoTime),
  note: Nullable(Type.String()),
});
const ReviewDetailSchema = Out({ ...ReviewFields, items: Type.Array(ItemSchema) });
const ReviewParams = Strict({ id: Id });

/**
 * Access review campaigns. Reviewers are people of any role: listing and deciding are open
 * to everyone signed in, and the service shows each person only the items they review
 * (a compliance officer sees all).
 */
export const accessReviewRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/access-reviews',
    { config: { permission: 'authenticated' }, schema: { tags: ['compliance'], summary: 'Access review campaigns (yours to review, or all for compliance)', response: replies(Out({ items: Type.Array(ReviewSchema) })) } },
    async (request) => ({ items: await listAccessReviews(actorOf(request)) }),
  );

  app.post(
    '/api/access-reviews',
    {
      config: { permission: { action: 'create', subject: 'ComplianceRecord' } },
      schema: {
        tags: ['compliance'],
        summary: "Open a campaign: every active person's roles and client assignments, each to a reviewer",
        body: Strict({ name: Name(120), dueOn: Type.Optional(Nullable(IsoDate)), reviewerId: Type.Optional(Id) }),
        response: replies(ReviewDetailSchema, 201),
      },
    },
    async (request, reply) => reply.code(201).send(await openAccessReview(actorOf(request), request.body)),
  );

  app.get(
    '/api/access-reviews/:id',
    { config: { permission: 'authenticated' }, schema: { tags: ['compliance'], summary: 'A campaign with the items you review (all for compliance)', params: ReviewParams, response: replies(ReviewDetailSchema) } },
    async (request) => getAccessReview(actorOf(request), request.params.id),
  );

  app.post(
    '/api/access-reviews/:id/items/:itemId',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['compliance'],
        summary: 'Certify or revoke one role assignment; a revocation takes effect at once',
        params: Strict({ id: Id, itemId: Id }),
        body: Strict({ decision: Literals(['certify', 'revoke'] as const), note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))) }),
        response: replies(ReviewDetailSchema),
      },
    },
    async (request) => decideAccessReviewItem(actorOf(request), request.params.id, request.params.itemId, request.body),
  );

  app.post(
    '/api/access-reviews/:id/close',
    { config: { permission: { action: 'update', subject: 'ComplianceRecord' } }, schema: { tags: ['compliance'], summary: 'Sign off a campaign once every item is decided', params: ReviewParams, response: replies(ReviewDetailSchema) } },
    async (request) => closeAccessReview(actorOf(request), request.params.id),
  );
};
