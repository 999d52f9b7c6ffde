import { useQuery } from '@tanstack/react-query';
import { PatientRecordings } from './TaskRecordings';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { EmptyState, ErrorNotice, Loading, PageHeader } from '../ui/States';
import { useClientZone, when } from './task-parts';

/**
 * One patient's closed loop: every callback, attempt, page and acknowledgement in order, each
 * with who and when, so "was the patient called back, and who was told" is one screen.
 * Operational facts only; a message's content opens from the page itself, logged.
 */
export function PatientTimelinePage() {
  const { id = '' } = useParams();
  const zoneOf = useClientZone();
  const timeline = useQuery({ queryKey: ['patient', id, 'timeline'], queryFn: () => unwrap(api.GET('/api/patients/{id}/timeline', { params: { path: { id } } })) });
  if (timeline.isPending) return <Loading />;
  if (timeline.isError) return <ErrorNotice error={timeline.error} />;
  const t = timeline.data;
  const zone = zoneOf(t.clientId);
  return (
    <>
      <PageHeader title={`Timeline of ${t.patientRef}`} description="Callbacks, attempts, urgent messages and every step of their pages, oldest first. Times are the client's." tabTitle={`${t.patientRef} timeline`} />
      <p>
        <Link to={`/patients/${t.patientId}`}>Back to the patient</Link>
      </p>
      {t.entries.length === 0 ? (
        <EmptyState title="Nothing yet">No callback or page for this patient.</EmptyState>
      ) : (
        <ol className="timeline patient-timeline">
          {t.entries.map((e, i) => (
            <li key={`${e.at}-${i}`} className={`timeline-${e.kind}`}>
              <span className="timeline-when">{when(e.at, zone)}</span> {e.messageId && e.kind === 'urgent' ? <Link to={`/pages/${e.messageId}`}>{e.summary}</Link> : e.summary}
              {e.who ? <span className="muted"> · {e.who}</span> : null}
            </li>
          ))}
        </ol>
      )}
      <PatientRecordings patientRef={t.patientRef} />
    </>
  );
}
