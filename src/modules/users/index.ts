/** The users module's public face: other modules import from here, never from its files (eslint.config.js). */
export { newUserRow } from './user-row.ts';
export { activeUserIds, listUsers, revokeAssignmentInTx, staffNames, staffProfiles, unsafeActiveAddress, unsafePersonFacts } from './users.service.ts';
export type { StaffProfile } from './users.service.ts';
