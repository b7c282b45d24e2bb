import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { BloodGroup, EmergencyContact, Gender } from '../domain/patient-profile';

@Entity({ name: 'patients' })
export class PatientOrmEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'full_name', type: 'text', nullable: true }) fullName: string | null;
  @Column({ type: 'text' }) phone: string;
  @Column({ type: 'citext', nullable: true }) email: string | null;
  @Column({ name: 'date_of_birth', type: 'date', nullable: true }) dateOfBirth: string | null;
  @Column({ type: 'text', nullable: true }) gender: Gender | null;
  @Column({ name: 'blood_group', type: 'text', nullable: true }) bloodGroup: BloodGroup | null;
  @Column({ name: 'emergency_contacts', type: 'jsonb' }) emergencyContacts: EmergencyContact[];
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true }) deletedAt: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
