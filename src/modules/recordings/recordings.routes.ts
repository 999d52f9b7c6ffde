import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Readable } from 'node:stream';
import { Type } from 'typebox';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { AppError } from '../../platform/http/errors.ts';
import { Id, Literals, Out, Strict, replies } from '../../platform/http/schemas.ts';
import { REVEAL_PURPOSES } from '../patients/index.ts';
import { ListQuery, RecordingSchema, UploadQuery } from './recordings.schemas.ts';
import { getRecording, ingestRecording, listRecordings, playRecording } from './recordings.service.ts';
import { recordingStore } from './storage.ts';
import { AUDIO_TYPES, type AudioType } from './recordings.tables.ts';

const tags = ['recordings'];
const Params = Strict({ id: Id });

/** Call recordings: upload (the audio itself as the body, streamed), list, and playback with ranges. */
export const recordingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { config } = app.platform;
  const store = recordingStore(config);
  const maxBytes = config.recordingMaxMb * 1024 * 1024;
  // The audio arrives as the body itself and is read as a stream: it is encrypted as it comes, never buffered whole.
  app.addContentTypeParser([...AUDIO_TYPES], (_request, payload, done) => done(null, payload));

  app.post(
    '/api/recordings',
    {
      config: { permission: { action: 'create', subject: 'Recording' } },
      schema: { tags, summary: 'Store a call recording: the audio as the body (Content-Type audio/…), encrypted as it streams in', querystring: UploadQuery, response: replies(RecordingSchema, 201) },
    },
    async (request, reply) => {
      const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() as AudioType;
      if (!AUDIO_TYPES.includes(type) || typeof (request.body as Readable | undefined)?.pipe !== 'function') throw new AppError('unsupported_media_type', `Send the audio itself with Content-Type one of ${AUDIO_TYPES.join(', ')}`, { field: 'audio' });
      const { clientId, taskId, direction, durationSeconds, callId } = request.query;
      const view = await ingestRecording(actorOf(request), store, { clientId, ...(taskId ? { taskId } : {}), direction: direction ?? 'outbound', ...(durationSeconds !== undefined ? { durationSeconds } : {}), ...(callId ? { callId } : {}), contentType: type }, request.body as Readable, maxBytes);
      return reply.code(201).send(view);
    },
  );

  app.get(
    '/api/recordings',
    { config: { permission: { action: 'read', subject: 'Recording' } }, schema: { tags, summary: 'Recordings of your clients, newest first: of a task, a patient reference or a client', querystring: ListQuery, response: replies(Out({ items: Type.Array(RecordingSchema) })) } },
    async (request) => ({ items: await listRecordings(actorOf(request), request.query) }),
  );

  app.get('/api/recordings/:id', { config: { permission: { action: 'read', subject: 'Recording' } }, schema: { tags, summary: 'One recording’s metadata', params: Params, response: replies(RecordingSchema) } }, async (request) =>
    getRecording(actorOf(request), request.params.id),
  );

  app.get(
    '/api/recordings/:id/audio',
    { config: { permission: { action: 'read', subject: 'Recording' } }, schema: { tags, summary: 'Play the recording (HTTP ranges: seeking decrypts only the chunks needed); each playback is audited', params: Params } },
    async (request, reply) => {
      const played = await playRecording(actorOf(request), store, request.params.id, request.headers.range, 'read', null);
      return reply.code(played.status).headers(played.headers).send(played.body);
    },
  );

  app.get(
    '/api/recordings/:id/audio/reveal',
    {
      config: { permission: { action: 'reveal', subject: 'Recording' } },
      schema: { tags, summary: 'Play the recording by an explicit, logged reveal with its purpose (compliance)', params: Params, querystring: Strict({ purpose: Literals(REVEAL_PURPOSES) }) },
    },
    async (request, reply) => {
      const played = await playRecording(actorOf(request), store, request.params.id, request.headers.range, 'reveal', request.query.purpose);
      return reply.code(played.status).headers(played.headers).send(played.body);
    },
  );
};
