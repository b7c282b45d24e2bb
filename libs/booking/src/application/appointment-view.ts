import type { AppointmentState } from '../domain/appointment';
import type { AppointmentDto } from './dto/appointment.dto';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function appointmentToDto(s: Readonly<AppointmentState>): AppointmentDto {
  return {
    id: s.id,
    patientId: s.patientId,
    clinicianId: s.clinicianId,
    centreId: s.centreId,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    sessionType: s.sessionType,
    status: s.status,
    paymentStatus: s.paymentStatus,
    fee: { amount: s.fee.amount, currency: s.fee.currency },
    meetLink: s.meetLink,
    source: s.source,
    reason: s.reason,
    notes: s.notes,
    holdExpiresAt: iso(s.holdExpiresAt),
    checkedInAt: iso(s.checkedInAt),
    cancelledAt: iso(s.cancelledAt),
    cancelReason: s.cancelReason,
    cancelledBy: s.cancelledBy,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}
