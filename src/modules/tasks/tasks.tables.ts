import type { Generated, Selectable } from 'kysely';
import type { Timestamp } from '../../platform/db/types.ts';

/** Queues, callback tasks, their attempts and messages, and who is on duty. This module owns these tables: only its own code queries them (test/ownership.test.ts). */
declare module '../../platform/db/types.ts' {
  interface Database {
    queues: QueuesTable;
    agent_duty: AgentDutyTable;
    tasks: TasksTable;
    task_attempts: TaskAttemptsTable;
    task_messages: TaskMessagesTable;
  }
}

export interface QueuesTable {
  id: string;
  org_id: string;
  client_id: string;
  name: string;
  status: QueueStatus;
  /** Place in the client's list of queues, from 0. */
  position: Generated<number>;
  /** pull: agents take work with "next callback"; push: Ringfence hands it to agents on duty. */
  assignment_mode: Generated<AssignmentMode>;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export const QUEUE_STATUSES = ['active', 'archived'] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];
export const ASSIGNMENT_MODES = ['pull', 'push'] as const;
export type AssignmentMode = (typeof ASSIGNMENT_MODES)[number];
/** Whether a person takes pushed callbacks, and when they were last handed one (round-robin order). */
export interface AgentDutyTable {
  org_id: string;
  user_id: string;
  on_duty: number;
  changed_at: Timestamp;
  last_assigned_at: Timestamp | null;
}
export const TASK_STATUSES = ['open', 'claimed', 'waiting', 'escalated', 'completed', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
/** Most urgent first. */
export const TASK_PRIORITIES = ['emergent', 'urgent', 'routine'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];
export interface TasksTable {
  id: string;
  org_id: string;
  client_id: string;
  queue_id: string;
  patient_id: string;
  patient_ref: string;
  reason_code: string;
  priority: TaskPriority;
  /** 0 emergent, 1 urgent, 2 routine: the order agents work in. */
  priority_rank: number;
  status: TaskStatus;
  /** Operational text, PHI-guarded. */
  title: string;
  note: string | null;
  callback_after: Timestamp | null;
  callback_before: Timestamp | null;
  due_at: Timestamp;
  /** From when the task may be claimed (intake, the next attempt's time, or a claim's lapse). */
  ready_at: Timestamp;
  assignee_id: string | null;
  claimed_at: Timestamp | null;
  attempt_count: Generated<number>;
  last_outcome: string | null;
  /** Set when an attempt needs an incident review ("wrong_number_after_details"). */
  incident_flag: string | null;
  resolution: string | null;
  parent_task_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  closed_at: Timestamp | null;
}
/** How an attempt reached (or tried to reach) the patient, and what came of it. */
export const CHANNELS = ['phone', 'sms', 'voicemail', 'portal'] as const;
export type Channel = (typeof CHANNELS)[number];
export const OUTCOMES = ['reached', 'voicemail_left', 'no_answer', 'busy', 'wrong_number', 'disconnected', 'declined'] as const;
export type Outcome = (typeof OUTCOMES)[number];
/** Whether the agent gave any detail before learning the number was wrong. */
export const DISCLOSURES = ['none', 'details_given'] as const;
export type Disclosure = (typeof DISCLOSURES)[number];
/** How a completed task ended. */
export const RESOLUTIONS = ['resolved', 'information_given', 'appointment_made', 'refill_sent', 'transferred', 'unreachable', 'declined', 'duplicate', 'other'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];
export interface TaskAttemptsTable {
  id: string;
  org_id: string;
  client_id: string;
  task_id: string;
  number: number;
  attempted_at: Timestamp;
  agent_id: string | null;
  channel: string;
  outcome: string;
  disclosure: Disclosure;
  note: string | null;
}
export interface TaskMessagesTable {
  id: string;
  org_id: string;
  client_id: string;
  task_id: string;
  category: 'clinical';
  body_enc: string;
  created_by: string | null;
  created_at: Timestamp;
}
export type QueueRow = Selectable<QueuesTable>;
export type TaskRow = Selectable<TasksTable>;
export type TaskAttemptRow = Selectable<TaskAttemptsTable>;
