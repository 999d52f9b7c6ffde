/**
 * Whether a person has a callback that gives them a reason to see a patient, for the audit
 * module's anomaly rules: a task of that patient they created, hold or held, attempted or wrote
 * a message on. `anyOpenTask`: any open task of the patient counts (a supervisor oversees the
 * client's open work).
 */
import type { TenantDb } from '../../platform/db/tenant-db.ts';

export async function hasTaskReason(db: TenantDb, input: { userId: string; clientId: string; patientRef: string; anyOpenTask: boolean }): Promise<boolean> {
  const found = await db
    .selectFrom('tasks')
    .select('tasks.id')
    .where('tasks.client_id', '=', input.clientId)
    .where('tasks.patient_ref', '=', input.patientRef)
    .where((eb) =>
      eb.or([
        eb('tasks.assignee_id', '=', input.userId),
        eb('tasks.created_by', '=', input.userId),
        eb.exists(eb.selectFrom('task_attempts').select('task_attempts.id').whereRef('task_attempts.task_id', '=', 'tasks.id').where('task_attempts.agent_id', '=', input.userId)),
        eb.exists(eb.selectFrom('task_messages').select('task_messages.id').whereRef('task_messages.task_id', '=', 'tasks.id').where('task_messages.created_by', '=', input.userId)),
        ...(input.anyOpenTask ? [eb('tasks.status', 'not in', ['completed', 'cancelled'])] : []),
      ]),
    )
    .limit(1)
    .executeTakeFirst();
  return found !== undefined;
}
