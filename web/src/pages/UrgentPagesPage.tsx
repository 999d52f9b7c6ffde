import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import type { UrgentView } from '../api/types';
import { NoAccess } from '../AppShell';
import { useSession } from '../session';
import { EmptyState, ErrorNotice, Loading, PageHeader } from '../ui/States';
import { PRIORITY_LABELS, useClientZone, when } from './task-parts';
import { NextStep, Recipients, URGENT_STATUS_LABELS } from './urgent-parts';

const open = (m: UrgentView) => m.status === 'paging' || m.status === 'read';

/**
 * Urgent pages. A provider sees their inbox: the messages sent to them, open ones first, each
 * one tap from reading and acknowledging (it works on a phone). A supervisor sees the pages
 * still running across their clients, with each one's escalation clock.
 */
export function UrgentPagesPage() {
  const { can } = useSession();
  const supervises = can('manage', 'UrgentMessage');
  const provider = can('update', 'UrgentMessage') && !supervises;
  const view = provider ? 'inbox' : supervises ? 'open' : 'all';
  const list = useQuery({
    queryKey: ['urgent', 'list', view],
    queryFn: () => unwrap(api.GET('/api/urgent-messages', { params: { query: { view, limit: 100 } }, headers: { 'x-ringfence-background': '1' } })),
    refetchInterval: 5000,
    enabled: can('read', 'UrgentMessage'),
  });
  const zoneOf = useClientZone();
  if (!can('read', 'UrgentMessage')) return <NoAccess what="urgent pages" />;
  const items = list.data?.items ?? [];
  return (
    <div className="urgent-pages">
      <PageHeader
        title={provider ? 'Your urgent messages' : supervises ? 'Outstanding pages' : 'Urgent pages'}
        description={
          provider
            ? 'Messages the answering service paged you about, open ones first. Open one to read it, acknowledge it or reply; reading is logged.'
            : 'Pages still waiting for an acknowledgement across your clients, with the time left before each escalates.'
        }
      />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorNotice error={list.error} />
      ) : items.length === 0 ? (
        <EmptyState title={provider ? 'No messages' : 'No pages waiting'}>{provider ? 'Nothing has been sent to you.' : 'Every page has been acknowledged.'}</EmptyState>
      ) : (
        <ul className="page-cards">
          {items.map((m) => (
            <li key={m.id} className={`card page-card ${open(m) ? 'page-open' : ''}`}>
              <Link to={`/pages/${m.id}`} className="page-card-link">
                <span className={`badge badge-${m.priority}`}>{PRIORITY_LABELS[m.priority]}</span> <strong>{m.clientName}</strong> · {m.reference}
              </Link>
              <p className="muted small">
                {URGENT_STATUS_LABELS[m.status]} · sent {when(m.createdAt, zoneOf(m.clientId))}
                {m.acknowledgedBy ? ` · by ${m.acknowledgedBy.name}` : ''}
                {m.replies.unhandled > 0 ? ` · ${m.replies.unhandled} reply not yet handled` : ''}
              </p>
              {!provider ? (
                <>
                  <NextStep message={m} />
                  <Recipients message={m} timeZone={zoneOf(m.clientId)} />
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
