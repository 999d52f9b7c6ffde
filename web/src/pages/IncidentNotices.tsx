import { useQuery } from '@tanstack/react-query';
import { NavLink } from 'react-router';
import { api, unwrap } from '../api/client';
import { useSession } from '../session';

/**
 * Tells the compliance officers, above every screen, of incidents reported and not yet worked
 * and of notices overdue, linking to the incidents; nothing when there are none or the person
 * does not work incidents.
 */
export function IncidentsNotice() {
  const { can } = useSession();
  const allowed = can('read', 'ComplianceRecord');
  const deadlines = useQuery({ queryKey: ['incidents', 'deadlines'], queryFn: () => unwrap(api.GET('/api/incidents/deadlines')), enabled: allowed, refetchInterval: 60_000, staleTime: 30_000 });
  const open = useQuery({ queryKey: ['incidents', 'list', 'open'], queryFn: () => unwrap(api.GET('/api/incidents', { params: { query: { status: 'open' } } })), enabled: allowed, refetchInterval: 60_000, staleTime: 30_000 });
  if (!allowed) return null;
  const overdue = (deadlines.data?.items ?? []).filter((d) => d.state === 'overdue').length;
  const reported = (open.data?.items ?? []).filter((i) => i.status === 'reported').length;
  if (overdue === 0 && reported === 0) return null;
  const parts = [overdue > 0 ? `${overdue} incident notice${overdue === 1 ? '' : 's'} overdue` : null, reported > 0 ? `${reported} incident${reported === 1 ? '' : 's'} reported, not yet assessed` : null].filter(Boolean);
  return (
    <div className={`notice ${overdue > 0 ? 'notice-danger' : 'notice-warning'}`} role="status">
      <NavLink to="/incidents">{parts.join(' · ')}</NavLink> · every deadline runs from discovery.
    </div>
  );
}
