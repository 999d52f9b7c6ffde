import { useQuery } from '@tanstack/react-query';
import { NavLink } from 'react-router';
import { api, unwrap } from '../api/client';
import { useSession } from '../session';

/** How often the notice asks again: an alert is raised in the background, while the officer works elsewhere. */
const REFRESH_MS = 60_000;

/**
 * Tells whoever reads the audit trail that anomaly alerts are open ("3 open audit alerts,
 * 1 high"), linking to them; nothing when none is open or the person cannot read them.
 */
export function AuditAlertsNotice() {
  const { can } = useSession();
  const allowed = can('read', 'AuditEvent');
  const summary = useQuery({
    queryKey: ['audit', 'alerts', 'summary'],
    queryFn: () => unwrap(api.GET('/api/audit/alerts/summary')),
    enabled: allowed,
    refetchInterval: REFRESH_MS,
    staleTime: 30_000,
  });
  const open = summary.data?.open ?? 0;
  if (!allowed || open === 0) return null;
  const high = summary.data?.high ?? 0;
  return (
    <div className={`notice ${high > 0 ? 'notice-danger' : 'notice-warning'} audit-alerts-notice`} role="status">
      <NavLink to="/audit/alerts">
        {open} open audit {open === 1 ? 'alert' : 'alerts'}
        {high > 0 ? `, ${high} high` : ''}
      </NavLink>{' '}
      · unusual access to review and resolve.
    </div>
  );
}
