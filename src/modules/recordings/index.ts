/** The recordings module's public face: other modules import from here, never from its files (eslint.config.js). */
export { listRecordings } from './recordings.service.ts';
export type { RecordingView } from './recordings.schemas.ts';
