import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { organizationText } from '../../platform/http/phi-guard.ts';
import { Type } from 'typebox';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { Id, Out, Strict, replies } from '../../platform/http/schemas.ts';
import { NewReviewBody, ReviewDecisionBody, ReviewDetailSchema, ReviewParams, ReviewSchema } from './compliance.schemas.ts';
import { closeAccessReview, decideAccessReviewItem, getAccessReview, listAccessReviews, openAccessReview } from './access-reviews.service.ts';

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
      config: { permission: { action: 'create', subject: 'ComplianceRecord' }, phiClient: organizationText },
      schema: {
        tags: ['compliance'],
        summary: "Open a campaign: every active person's roles and client assignments, each to a reviewer",
        body: NewReviewBody,
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
      config: { permission: 'authenticated', phiClient: organizationText },
      schema: {
        tags: ['compliance'],
        summary: 'Certify or revoke one role assignment; a revocation takes effect at once',
        params: Strict({ id: Id, itemId: Id }),
        body: ReviewDecisionBody,
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
