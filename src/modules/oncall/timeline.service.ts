/**
 * One timeline per patient reference: callbacks, their attempts and completion, urgent messages
 * and every step of their pages (paged, delivered, opened, read, acknowledged, replied,
 * escalated), in order, each with who and when. Operational facts only: opening a message or
 * a reply is a separate, logged reading.
 */
import { can } from '../../platform/authz/guard.ts';
import type { ActorContext } from '../../platform/context.ts';
import { getPatient } from '../patients/index.ts';
import { patientCallbackHistory } from '../tasks/index.ts';
import { staffNames } from '../users/index.ts';
import { listUrgentMessages, messageTimeline, type TimelineEntry } from './urgent.service.ts';

export interface PatientTimelineEntry {
  at: string;
  kind: 'callback' | 'attempt' | 'completed' | 'urgent' | 'page';
  taskId: string | null;
  messageId: string | null;
  summary: string;
  who: string | null;
  event: string | null;
}

const words = (code: string) => code.replace(/_/g, ' ');
const channelWord = (channel: string | null) => (channel === 'sms' ? 'SMS' : channel === 'webhook' ? 'webhook' : 'e-mail');

function pageSummary(e: TimelineEntry, reference: string): string {
  const role = typeof e.detail?.role === 'string' ? ` (${e.detail.role})` : '';
  switch (e.kind) {
    case 'created':
      return `Urgent message ${reference} created`;
    case 'paged':
      return `${reference}: paged${role} by ${channelWord(e.channel)}`;
    case 'sent':
      return `${reference}: page sent by ${channelWord(e.channel)}`;
    case 'channel_failed':
      return `${reference}: a page could not be delivered; the next contact point or person was tried`;
    case 'escalated':
      return `${reference}: escalated to the ${typeof e.detail?.to === 'string' ? e.detail.to : 'next'} tier`;
    case 'exhausted':
      return `${reference}: nobody acknowledged; it became an emergent callback and the supervisors were told`;
    case 'acknowledged':
      return `${reference}: acknowledged${e.detail?.late ? ' (late)' : ''}`;
    case 'reply_handled':
      return `${reference}: a reply was marked handled`;
    default:
      return `${reference}: ${words(e.kind)}`;
  }
}

export async function patientTimeline(ctx: ActorContext, patientId: string): Promise<{ patientId: string; patientRef: string; clientId: string; entries: PatientTimelineEntry[] }> {
  const patient = await getPatient(ctx, patientId);
  const callbacks = await patientCallbackHistory(ctx, patient.id, patient.clientId);
  const messages = can(ctx, 'read', 'UrgentMessage', { clientId: patient.clientId }) ? await listUrgentMessages(ctx, { patientId: patient.id, view: 'all', limit: 200 }) : [];
  const names = await staffNames(ctx, [...new Set(callbacks.flatMap((c) => [c.createdBy, ...c.attempts.map((a) => a.agentId)]).filter((v): v is string => v !== null))]);
  const entries: PatientTimelineEntry[] = [];
  for (const c of callbacks) {
    entries.push({ at: c.createdAt, kind: 'callback', taskId: c.taskId, messageId: null, summary: `${c.priority[0]!.toUpperCase()}${c.priority.slice(1)} callback (${words(c.reasonCode)}), now ${c.status}`, who: c.createdBy ? (names.get(c.createdBy) ?? null) : null, event: 'created' });
    c.attempts.forEach((a, i) =>
      entries.push({ at: a.at, kind: 'attempt', taskId: c.taskId, messageId: null, summary: `Attempt ${i + 1} by ${words(a.channel)}: ${words(a.outcome)}`, who: a.agentId ? (names.get(a.agentId) ?? null) : null, event: a.outcome }),
    );
    if (c.closedAt) entries.push({ at: c.closedAt, kind: 'completed', taskId: c.taskId, messageId: null, summary: `Callback ${c.status}${c.resolution ? `: ${words(c.resolution)}` : ''}`, who: null, event: c.status });
  }
  for (const m of messages) {
    for (const e of await messageTimeline(ctx, m.id)) {
      entries.push({ at: e.at, kind: e.kind === 'created' ? 'urgent' : 'page', taskId: m.taskId, messageId: m.id, summary: pageSummary(e, m.reference), who: e.userName, event: e.kind });
    }
  }
  entries.sort((a, b) => a.at.localeCompare(b.at));
  return { patientId: patient.id, patientRef: patient.ref, clientId: patient.clientId, entries };
}
