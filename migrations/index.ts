/**
 * Every migration, in order. `npm run migration:generate -- migrations/<Name>` writes a new
 * file here; add its class to this list (explicit beats a glob that differs between ts and js).
 */
import { Foundation1764000000000 } from './1764000000000-foundation';
import { Centres1764000000100 } from './1764000000100-centres';
import { Identity1764000000200 } from './1764000000200-identity';
import { Patients1764000000250 } from './1764000000250-patients';
import { Notifications1764000000300 } from './1764000000300-notifications';
import { Audit1764000000400 } from './1764000000400-audit';
import { AuthSessions1764000000500 } from './1764000000500-auth-sessions';
import { Clinicians1764000000600 } from './1764000000600-clinicians';
import { PatientsRecords1764000000700 } from './1764000000700-patients-records';
import { Appointments1764000000800 } from './1764000000800-appointments';
import { Directory1764000000900 } from './1764000000900-directory';
import { MessageDelivery1764000000950 } from './1764000000950-message-delivery';
import { OutboxStream1764000000960 } from './1764000000960-outbox-stream';
import { MessageContext1764000001000 } from './1764000001000-message-context';
import { SlotRead1764000001100 } from './1764000001100-slot-read';
import { DirectoryOrder1764000001200 } from './1764000001200-directory-order';
import { MessageClaims1764000001300 } from './1764000001300-message-claims';
import { OutboxNotify1764000001400 } from './1764000001400-outbox-notify';
import { BookingLock1764000001500 } from './1764000001500-booking-lock';
import { DirectoryNear1764000001600 } from './1764000001600-directory-near';
import { ScheduleVersion1764000001700 } from './1764000001700-schedule-version';
import { IdempotencyRecords1764000001800 } from './1764000001800-idempotency-records';
import { MessagePendingIndex1764000001900 } from './1764000001900-message-pending-index';

export const migrations = [
  Foundation1764000000000,
  Centres1764000000100,
  Identity1764000000200,
  Patients1764000000250,
  Notifications1764000000300,
  Audit1764000000400,
  AuthSessions1764000000500,
  Clinicians1764000000600,
  PatientsRecords1764000000700,
  Appointments1764000000800,
  Directory1764000000900,
  MessageDelivery1764000000950,
  OutboxStream1764000000960,
  MessageContext1764000001000,
  SlotRead1764000001100,
  DirectoryOrder1764000001200,
  MessageClaims1764000001300,
  OutboxNotify1764000001400,
  BookingLock1764000001500,
  DirectoryNear1764000001600,
  ScheduleVersion1764000001700,
  IdempotencyRecords1764000001800,
  MessagePendingIndex1764000001900,
];
