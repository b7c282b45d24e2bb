import type { FieldError } from '@carebook/core';

/**
 * An appointment as a calendar entry: e-mails carrying one attach it as an `.ics` invite.
 * Times are ISO 8601 instants (stored as JSON with the message, so they survive the queue).
 */
export interface CalendarEvent {
  /** Stable for the appointment (its id), so a rescheduled invite replaces the same entry. */
  uid: string;
  title: string;
  startsAt: string;
  endsAt: string;
  location?: string;
  description?: string;
  url?: string;
  /** CANCELLED removes the entry from the recipient's calendar. Default CONFIRMED. */
  status?: 'CONFIRMED' | 'CANCELLED';
  /** RFC 5545 SEQUENCE: higher on every change of the same `uid`. Default 0. */
  sequence?: number;
}

const TEXT_MAX = { uid: 200, title: 200, location: 500, description: 2000, url: 2000 };

/** The rules a stored calendar event keeps; an empty list when it is valid. */
export function calendarEventErrors(event: CalendarEvent): FieldError[] {
  const errors: string[] = [];
  for (const [key, max] of Object.entries(TEXT_MAX) as [keyof typeof TEXT_MAX, number][]) {
    const value = event[key];
    if (value === undefined && key !== 'uid' && key !== 'title') continue;
    if (typeof value !== 'string' || !value.trim() || value.length > max) {
      errors.push(`${key} must be a text of 1 to ${max} characters`);
    }
  }
  const start = Date.parse(event.startsAt);
  const end = Date.parse(event.endsAt);
  if (Number.isNaN(start) || Number.isNaN(end))
    errors.push('startsAt and endsAt must be ISO 8601 times');
  else if (end <= start) errors.push('endsAt must be after startsAt');
  if (event.status !== undefined && !['CONFIRMED', 'CANCELLED'].includes(event.status)) {
    errors.push('status must be CONFIRMED or CANCELLED');
  }
  if (event.sequence !== undefined && (!Number.isInteger(event.sequence) || event.sequence < 0)) {
    errors.push('sequence must be a whole number from 0');
  }
  return errors.map((message) => ({ field: 'calendarEvent', message: `calendarEvent.${message}` }));
}
