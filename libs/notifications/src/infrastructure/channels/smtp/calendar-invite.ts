import { createEvent } from 'ics';
import type { CalendarEvent } from '../../../domain/calendar-event';

/**
 * The event as an iCalendar file (RFC 5545, METHOD:PUBLISH: an entry to add, not a meeting
 * request awaiting replies). Times are written in UTC; calendars show them in their own zone.
 */
export function calendarInvite(event: CalendarEvent): string {
  const { error, value } = createEvent({
    productId: 'carebook',
    method: 'PUBLISH',
    uid: `${event.uid}@carebook`,
    sequence: event.sequence ?? 0,
    title: event.title,
    start: Date.parse(event.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: Date.parse(event.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
    status: event.status ?? 'CONFIRMED',
    ...(event.location && { location: event.location }),
    ...(event.description && { description: event.description }),
    ...(event.url && { url: event.url }),
  });
  if (error || !value) throw error ?? new Error('the calendar invite could not be built');
  return value;
}
