import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { Reminders, TrainingNotice } from '../pages/ComplianceNotices';
import type { Session } from '../session';
import { lazyScreen, type WebModule } from './module';

/**
 * BAAs, training and the security dashboard; access review campaigns; and, above every
 * screen, the person's training gate and reminders before something lapses.
 */
export const complianceModule: WebModule = {
  name: 'compliance',
  routes: [
    { path: '/compliance', screen: lazyScreen(() => import('../pages/CompliancePage'), 'CompliancePage') },
    { path: '/reviews', screen: lazyScreen(() => import('../pages/AccessReviewsPage'), 'AccessReviewsPage') },
    { path: '/reviews/:id', screen: lazyScreen(() => import('../pages/AccessReviewsPage'), 'AccessReviewPage') },
  ],
  nav: [
    { path: '/compliance', label: 'Compliance', key: 'o', order: 110, useVisible: ({ can }) => can('read', 'ComplianceRecord') },
    { path: '/reviews', label: 'Access reviews', key: 'r', order: 120, useVisible: useReviewsVisible },
  ],
  notices: [TrainingNotice, Reminders],
};

/** Reviewers are supervisors, administrators or whoever a campaign names: the last are known from the campaigns they can see. */
function useReviewsVisible({ can }: Session): boolean {
  const reviews = useQuery({ queryKey: ['access-reviews'], queryFn: () => unwrap(api.GET('/api/access-reviews')), staleTime: 60_000 });
  return can('read', 'ComplianceRecord') || can('manage', 'Task') || can('manage', 'User') || (reviews.data?.items.length ?? 0) > 0;
}
