/**
 * The tasks module's contract: what its routes accept and answer, in TypeBox. The services'
 * types are derived from these schemas, so a field is written once and a view cannot drift
 * from what the response schema lets out.
 */
import { Type, type Static } from 'typebox';
import { Declared, Id, IsoTime, Literals, Nullable, Out, PageQuery, PhiGuarded, SortQuery, Strict, VaultText } from '../../platform/http/schemas.ts';
import { fieldSchemas, optional } from '../patients/index.ts';
import { REASON_CODES } from './policy.ts';
import { ASSIGNMENT_MODES, CHANNELS, DISCLOSURES, OUTCOMES, QUEUE_STATUSES, RESOLUTIONS, TASK_PRIORITIES, TASK_STATUSES } from './tasks.tables.ts';

// Answers.

/** A work list inside a client ("Refills", "Urgent"). */
export const QueueSchema = Out({
  id: Type.String(),
  clientId: Type.String(),
  name: Type.String(),
  status: Literals(QUEUE_STATUSES),
  position: Type.Integer({ description: "Place in the client's list, from 0" }),
  // pull: agents take work with "next callback"; push: Ringfence also hands it to agents on duty.
  assignmentMode: Literals(ASSIGNMENT_MODES),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type QueueView = Static<typeof QueueSchema>;

/** A task as lists and screens show it: operational fields and the patient reference, never PHI. */
export const TaskSchema = Out({
  id: Type.String(),
  clientId: Type.String(),
  queueId: Type.String(),
  patientId: Type.String(),
  patientRef: Type.String(),
  reasonCode: Type.String(),
  priority: Literals(TASK_PRIORITIES),
  status: Literals(TASK_STATUSES),
  title: Type.String(),
  note: Nullable(Type.String()),
  callbackAfter: Nullable(IsoTime),
  callbackBefore: Nullable(IsoTime),
  dueAt: IsoTime,
  overdue: Type.Boolean({ description: 'Past its due time and not yet closed' }),
  readyAt: IsoTime,
  assigneeId: Nullable(Type.String()),
  claimedAt: Nullable(IsoTime),
  attemptCount: Type.Integer(),
  lastOutcome: Nullable(Type.String()),
  incidentFlag: Nullable(Type.String({ description: 'wrong_number_after_details: open an incident?' })),
  resolution: Nullable(Type.String()),
  parentTaskId: Nullable(Type.String()),
  createdAt: IsoTime,
  updatedAt: IsoTime,
  closedAt: Nullable(IsoTime),
});
/** A task as every list and screen shows it: operational fields only, never PHI. */
export type TaskView = Static<typeof TaskSchema>;

/** One contact attempt of a task's history. */
export const AttemptSchema = Out({
  id: Type.String(),
  number: Type.Integer(),
  attemptedAt: IsoTime,
  agentId: Nullable(Type.String()),
  channel: Type.String(),
  outcome: Type.String(),
  disclosure: Literals(DISCLOSURES),
  note: Nullable(Type.String()),
});
export type AttemptView = Static<typeof AttemptSchema>;

export const TaskDetailSchema = Out({ task: TaskSchema, attempts: Type.Array(AttemptSchema), messages: Type.Integer({ description: 'How many clinical messages it carries' }) });
/** A task with its attempt history and how many clinical messages it carries. */
export type TaskDetail = Static<typeof TaskDetailSchema>;

export const AttemptLoggedSchema = Out({ task: TaskSchema, attempt: AttemptSchema });
export type AttemptLogged = Static<typeof AttemptLoggedSchema>;

export const CompletedSchema = Out({ task: TaskSchema, followUp: Nullable(TaskSchema) });
export type Completed = Static<typeof CompletedSchema>;

export const BoardRowSchema = Out({
  queueId: Type.String(),
  clientId: Type.String(),
  counts: Out({ open: Type.Integer(), claimed: Type.Integer(), waiting: Type.Integer(), escalated: Type.Integer() }),
  breached: Type.Integer({ description: 'Tasks past their due time' }),
  oldestCreatedAt: Nullable(IsoTime),
});
/** One queue of the supervisor board. */
export type BoardRow = Static<typeof BoardRowSchema>;

export const AgentAtWorkSchema = Out({ userId: Type.String(), displayName: Type.String(), onDuty: Type.Boolean(), claimed: Type.Integer(), oldestClaimedAt: Nullable(IsoTime) });
export type AgentAtWork = Static<typeof AgentAtWorkSchema>;

export const AssigneeSchema = Out({ id: Type.String(), displayName: Type.String() });
/** Someone a callback can be handed to. */
export type Assignee = Static<typeof AssigneeSchema>;

export const TaskMessageSchema = Out({ id: Type.String(), body: Type.String(), createdBy: Nullable(Type.String()), createdAt: IsoTime });
/** A clinical message, decrypted for a reader with the clinical category. */
export type TaskMessage = Static<typeof TaskMessageSchema>;

export const MessageAddedSchema = Out({ id: Type.String(), createdAt: IsoTime });
export type MessageAdded = Static<typeof MessageAddedSchema>;

export const DutySchema = Out({ onDuty: Type.Boolean() });
export type Duty = Static<typeof DutySchema>;

// Requests.

export const IdParams = Strict({ id: Id });

/** A queue's name is operational text agents read all day: PHI-guarded like a task's title. */
const QueueName = PhiGuarded(80, 1, { pattern: '\\S' });

export const QueueListQuery = Strict({ clientId: Type.Optional(Id), status: Type.Optional(Literals(QUEUE_STATUSES)) });
export const QueueBody = Strict({ clientId: Id, name: QueueName });
export const QueueOrderBody = Strict({ clientId: Id, queueIds: Type.Array(Id, { minItems: 1, maxItems: 200, description: 'Every queue of the client, each once, in the new order' }) });
export const QueueChangeBody = Strict({
  name: Type.Optional(QueueName),
  status: Type.Optional(Literals(QUEUE_STATUSES)),
  assignmentMode: Type.Optional(Literals(ASSIGNMENT_MODES)),
});
export type QueueChange = Static<typeof QueueChangeBody>;

export const DutyBody = Strict({ onDuty: Type.Boolean() });

export const EventsQuery = Strict({ wait: Type.Optional(Type.Integer({ minimum: 0, maximum: 300, default: 300 })) });

export const BoardQuery = Strict({ clientId: Type.Optional(Id) });

export const TaskListQuery = Strict({
  ...PageQuery,
  clientId: Type.Optional(Id),
  queueId: Type.Optional(Id),
  patientId: Type.Optional(Id),
  status: Type.Optional(Type.Array(Literals(TASK_STATUSES), { maxItems: 6 })),
  // `me`, `none` (unassigned) or a person's id.
  assignee: Type.Optional(Type.Union([Type.Literal('me'), Type.Literal('none'), Id])),
  overdue: Type.Optional(Type.Boolean()),
  sort: SortQuery(['dueAt', 'createdAt', 'priority', 'updatedAt']),
});
export type TaskQuery = Static<typeof TaskListQuery>;

/** Operational text of a task: checked by the PHI guard before anything is stored. */
const TaskText = {
  title: PhiGuarded(200),
  note: Type.Optional(Nullable(PhiGuarded(2000))),
};

const Scheduling = {
  reasonCode: Literals(REASON_CODES),
  priority: Literals(TASK_PRIORITIES),
  callbackAfter: Type.Optional(Nullable(IsoTime)),
  callbackBefore: Type.Optional(Nullable(IsoTime)),
};

const NewPatient = Strict({ name: fieldSchemas.name, ...optional({ phones: fieldSchemas.phones, email: fieldSchemas.email, callbackWindow: fieldSchemas.callbackWindow, dateOfBirth: fieldSchemas.dateOfBirth }) });

export const IntakeHeaders = Type.Object({ 'idempotency-key': Type.Optional(Declared('identifier', { maxLength: 128, description: 'A key the caller picks per intake, so a retry creates nothing twice' })) });

/** Intake: an existing patient of the client (`patientId`), or `newPatient` to add one in the same step. */
export const IntakeBody = Strict({ clientId: Id, queueId: Id, patientId: Type.Optional(Id), newPatient: Type.Optional(NewPatient), ...Scheduling, ...TaskText });
export type TaskInput = Static<typeof IntakeBody>;

export const ClaimBody = Strict({ clientId: Type.Optional(Id), queueId: Type.Optional(Id) });
export type ClaimFilter = Static<typeof ClaimBody>;

export const AttemptBody = Strict({
  channel: Literals(CHANNELS),
  outcome: Literals(OUTCOMES),
  // Whether any detail was given before the agent learned the number was wrong.
  disclosure: Type.Optional(Literals(DISCLOSURES)),
  note: Type.Optional(Nullable(PhiGuarded(1000))),
});
export type AttemptInput = Static<typeof AttemptBody>;

/** A follow-up: the same patient and client; its own queue or, by default, the completed task's. */
const FollowUpBody = Strict({ queueId: Type.Optional(Id), ...Scheduling, ...TaskText });
export type FollowUpInput = Static<typeof FollowUpBody>;

export const CompleteBody = Strict({ resolution: Literals(RESOLUTIONS), followUp: Type.Optional(FollowUpBody) });
export type CompleteInput = Static<typeof CompleteBody>;

/** Escalate, cancel (with a reason), or assign to a person (null: back to the queue). */
export const SuperviseBody = Type.Union([Strict({ escalate: Type.Literal(true) }), Strict({ cancel: PhiGuarded(200) }), Strict({ assigneeId: Nullable(Id) })]);
export type SupervisionChange = Static<typeof SuperviseBody>;

export const MessageBody = Strict({ body: VaultText(4000, 'clinical') });
