/** The notifications module's public face: other modules import from here, never from its files (eslint.config.js). */
export { notificationDeliveries, queueNotification, type DeliveryView, type NotificationOutcome, type OutcomeJob, type QueueNotificationInput, type Recipient } from './notifications.service.ts';
export type { ChannelKind } from './notifications.tables.ts';
export { verifyWebhookSignature } from './webhook-channel.ts';
export { usableChannelKinds } from './channel-gate.ts';
export { fitsParam } from './templates.ts';
