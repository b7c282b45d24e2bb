import { DOMAIN_EVENTS_QUEUE } from '@carebook/core';

/**
 * Every BullMQ queue carebook runs, as the queue dashboard lists them. The worker owns the
 * queues (apps/worker/src/**\/*.queue.ts), and one app does not import another, so their names
 * are repeated here: a new queue is one more line. `test/queue-dashboard.e2e-spec.ts` finds the
 * worker's `*_QUEUE` names on disk and checks them against this list.
 */
export const DASHBOARD_QUEUES: readonly string[] = [
  DOMAIN_EVENTS_QUEUE, // committed outbox events -> the worker's event handlers
  'notifications', // message deliveries (NOTIFICATIONS_QUEUE)
  'appointment-messages', // confirmations and the 24 h / 1 h reminders (APPOINTMENT_MESSAGES_QUEUE)
  'booking', // hold expiry (BOOKING_QUEUE)
  'directory', // the directory's refresh tick (DIRECTORY_QUEUE)
  'maintenance', // hourly pruning of tables that only grow (MAINTENANCE_QUEUE)
];

/** Where the dashboard lives: outside `/api`, it is a browser page with its own JSON API. */
export const DASHBOARD_PATH = '/admin/queues';
