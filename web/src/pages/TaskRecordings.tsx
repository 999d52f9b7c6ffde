import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, rawBody, unwrap } from '../api/client';
import type { RecordingView, TaskView } from '../api/types';
import { useSession } from '../session';
import { Button } from '../ui/Button';
import { FormError } from '../ui/States';
import { useToast } from '../ui/Toasts';
import { useSubmit } from '../ui/useSubmit';
import { formatWhen } from '../client-time';

const AUDIO_TYPES = ['audio/mpeg', 'audio/wav', 'audio/x-wav', 'audio/ogg', 'audio/webm', 'audio/mp4', 'audio/aac', 'audio/flac'] as const;

const duration = (s: number | null) => (s === null ? '' : ` · ${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`);

/** Recordings with a player each (seeking asks the server for that part only); every playback is logged. */
export function RecordingPlayers({ items, empty }: { items: RecordingView[]; empty: string }) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <>
      {items.map((r) => (
        <RecordingPlayer key={r.id} recording={r} />
      ))}
    </>
  );
}

/**
 * One recording's player. The audio element says nothing when the server refuses (a recording
 * that fails its integrity check, a shredded key, a closed BAA), so the refusal is asked for
 * again and shown beside it.
 */
function RecordingPlayer({ recording: r }: { recording: RecordingView }) {
  const src = `/api/recordings/${r.id}/audio`;
  const [refusal, setRefusal] = useState<string | null>(null);
  const explain = async () => {
    const res = await fetch(src, { headers: { range: 'bytes=0-0' } }).catch(() => null);
    if (!res) return setRefusal('Ringfence cannot be reached. Check your connection and try again.');
    if (res.ok) return setRefusal('The browser could not play this recording’s format.');
    const problem = (await res.json().catch(() => null)) as { detail?: string } | null;
    setRefusal(problem?.detail ?? `The recording could not be played (${res.status}).`);
  };
  return (
    <figure className="recording">
      <audio controls preload="metadata" src={src} aria-label={`Recording of ${formatWhen(r.createdAt)}`} onError={() => void explain()} />
      {refusal ? (
        <p className="notice notice-danger" role="alert">
          {refusal}
        </p>
      ) : null}
      <figcaption className="muted small">
        {r.direction === 'inbound' ? 'Inbound' : 'Outbound'} call, {formatWhen(r.createdAt)}
        {duration(r.durationSeconds)} · kept until {formatWhen(r.retentionUntil)} · every playback is logged
      </figcaption>
    </figure>
  );
}

/** A patient's call recordings, on their timeline, for those who may play them. */
export function PatientRecordings({ patientRef }: { patientRef: string }) {
  const { can } = useSession();
  const allowed = can('read', 'Recording');
  const recordings = useQuery({ queryKey: ['recordings', 'patient', patientRef], queryFn: () => unwrap(api.GET('/api/recordings', { params: { query: { patientRef } } })), enabled: allowed });
  if (!allowed) return null;
  return (
    <section className="card task-recordings" aria-labelledby="patient-recordings-title">
      <h2 id="patient-recordings-title">Call recordings</h2>
      <RecordingPlayers items={recordings.data?.items ?? []} empty="No call recording of this patient." />
    </section>
  );
}

/**
 * A callback's call recordings, for those who may play them (the client's supervisors): each
 * with a player that seeks (the server decrypts only the part asked for) and every playback
 * logged; and adding a recording of the call.
 */
export function TaskRecordings({ task }: { task: TaskView }) {
  const { can } = useSession();
  const toast = useToast();
  const queryClient = useQueryClient();
  const allowed = can('read', 'Recording');
  const recordings = useQuery({ queryKey: ['recordings', 'task', task.id], queryFn: () => unwrap(api.GET('/api/recordings', { params: { query: { taskId: task.id } } })), enabled: allowed });
  const [file, setFile] = useState<File | null>(null);
  // A new form after each upload: the file input starts empty again.
  const [uploads, setUploads] = useState(0);
  const upload = useSubmit(
    () => {
      const type = AUDIO_TYPES.find((t) => t === file!.type) ?? 'audio/mpeg';
      return unwrap(api.POST('/api/recordings', { params: { query: { clientId: task.clientId, taskId: task.id, direction: 'outbound' } }, ...rawBody(file!, type) }));
    },
    () => {
      toast('success', 'Recording stored, encrypted.');
      setFile(null);
      setUploads((n) => n + 1);
      void queryClient.invalidateQueries({ queryKey: ['recordings', 'task', task.id] });
    },
  );
  if (!allowed) return null;
  return (
    <div className="task-recordings">
      <h3>Recordings</h3>
      <RecordingPlayers items={recordings.data?.items ?? []} empty="No recording of this callback." />
      {can('create', 'Recording') ? (
        <form key={uploads} className="inline-form" onSubmit={upload.submit} noValidate aria-label="Add a recording">
          <label className="field">
            <span className="label">Add a recording of the call</span>
            <input type="file" name="audio" accept={AUDIO_TYPES.join(',')} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </label>
          <Button type="submit" small busy={upload.busy} disabled={!file}>
            Upload
          </Button>
          <FormError message={upload.formError} />
        </form>
      ) : null}
    </div>
  );
}
