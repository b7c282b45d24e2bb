import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * `clinicians`. Its centres, weekly rules and time off (`clinician_centres`,
 * `availability_rules`, `clinician_time_off`) are written with SQL by the repository.
 */
@Entity({ name: 'clinicians' })
export class ClinicianOrmEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'jsonb' })
  specializations: string[];

  @Column({ type: 'jsonb' })
  qualifications: string[];

  @Column({ type: 'jsonb' })
  languages: string[];

  @Column({ name: 'years_of_experience', type: 'integer' })
  yearsOfExperience: number;

  @Column({ name: 'fee_amount', type: 'integer' })
  feeAmount: number;

  @Column({ name: 'fee_currency', type: 'char', length: 3 })
  feeCurrency: string;

  @Column({ name: 'consultation_duration_minutes', type: 'integer' })
  consultationDurationMinutes: number;

  @Column({ type: 'text', nullable: true })
  bio: string | null;

  @Column({ name: 'photo_url', type: 'text', nullable: true })
  photoUrl: string | null;

  @Column({ name: 'primary_centre_id', type: 'uuid' })
  primaryCentreId: string;

  @Column({ name: 'buffer_before_minutes', type: 'integer' })
  bufferBeforeMinutes: number;

  @Column({ name: 'buffer_after_minutes', type: 'integer' })
  bufferAfterMinutes: number;

  @Column({ name: 'min_notice_minutes', type: 'integer' })
  minNoticeMinutes: number;

  @Column({ name: 'horizon_days', type: 'integer' })
  horizonDays: number;

  @Column({ name: 'daily_cap', type: 'integer', nullable: true })
  dailyCap: number | null;

  @Column({ name: 'is_active', type: 'boolean' })
  isActive: boolean;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
