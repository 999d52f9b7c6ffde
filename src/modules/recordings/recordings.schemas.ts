/** The recordings module's contract: what its routes take and answer. */
import { Type, type Static } from 'typebox';
import { Declared, Id, IsoTime, Literals, Nullable, Out, Strict } from '../../platform/http/schemas.ts';
import { AUDIO_TYPES, DIRECTIONS } from './recordings.tables.ts';

export const RecordingSchema = Out({
  id: Type.String(),
  clientId: Type.String(),
  taskId: Nullable(Type.String()),
  patientRef: Nullable(Type.String()),
  callId: Nullable(Type.String()),
  agentId: Nullable(Type.String()),
  direction: Literals(DIRECTIONS),
  durationSeconds: Nullable(Type.Integer()),
  sizeBytes: Type.Integer(),
  contentType: Literals(AUDIO_TYPES),
  source: Literals(['upload', 'telephony'] as const),
  status: Literals(['stored', 'destroyed'] as const),
  retentionUntil: IsoTime,
  createdAt: IsoTime,
});
export type RecordingView = Static<typeof RecordingSchema>;

export const UploadQuery = Strict({
  clientId: Id,
  taskId: Type.Optional(Id),
  direction: Type.Optional(Literals(DIRECTIONS)),
  durationSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 86_400 })),
  callId: Type.Optional(Declared('identifier', { minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$', description: "The telephony side's call id" })),
});

export const ListQuery = Strict({
  clientId: Type.Optional(Id),
  taskId: Type.Optional(Id),
  patientRef: Type.Optional(Declared('identifier', { minLength: 3, maxLength: 16, pattern: '^[A-Za-z0-9-]+$' })),
});
