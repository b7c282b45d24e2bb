import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'patient_notes' })
export class PatientNoteOrmEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'patient_id', type: 'uuid' }) patientId: string;
  @Column({ name: 'author_id', type: 'uuid' }) authorId: string;
  @Column({ type: 'text' }) text: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
