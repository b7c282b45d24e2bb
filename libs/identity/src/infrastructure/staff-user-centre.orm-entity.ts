import { Entity, PrimaryColumn } from 'typeorm';

/** A staff user's membership of a centre (`staff_user_centres`). */
@Entity({ name: 'staff_user_centres' })
export class StaffUserCentreOrmEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @PrimaryColumn({ name: 'centre_id', type: 'uuid' })
  centreId: string;
}
