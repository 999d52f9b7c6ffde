import { can } from '../../platform/authz/guard.ts';
import type { ActorContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';

/** What a client the actor may not see answers: the same as a client that does not exist. */
export const clientNotFound = () => new AppError('not_found', 'Client not found.', { field: 'clientId' });

/**
 * The actor may do `action` on the client's on-call records. A client whose on-call they may
 * not even read answers as one that does not exist; one they may read but not change, 403.
 */
export function assertOnCall(ctx: ActorContext, action: 'read' | 'update', clientId: string): void {
  if (can(ctx, action, 'OnCall', { clientId })) return;
  if (action !== 'read' && can(ctx, 'read', 'OnCall', { clientId })) throw new AppError('forbidden', 'Your roles let you see this client’s on-call schedule, not change it.');
  throw clientNotFound();
}
