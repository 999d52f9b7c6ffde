/** The incidents module's public face: other modules import from here, never from its files (eslint.config.js). */
export { noticeDeadline, clientDates } from './deadlines.ts';
export { patientsUnderOpenIncidents } from './incidents.service.ts';
