/** The clients module's public face: other modules import from here, never from its files (eslint.config.js). */
export { clientDirectory, clientList, clientSettings, existingClientIds, getClient, listClients } from './clients.service.ts';
