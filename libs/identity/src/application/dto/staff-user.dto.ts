import { Role } from '@carebook/core';
import { ApiProperty } from '@nestjs/swagger';

/** A staff user as every identity route shows them. Never includes credentials. */
export class StaffUserDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Asha Rao' })
  fullName: string;

  @ApiProperty({ type: String, nullable: true, example: '+919800000000', description: 'E.164' })
  phone: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'asha@carebook.example' })
  email: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'asha.rao' })
  username: string | null;

  @ApiProperty({ enum: Role, enumName: 'Role' })
  role: Role;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'Centres the user belongs to; empty for ADMIN and MANAGER, who see every centre',
  })
  centreIds: string[];

  @ApiProperty()
  isActive: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}
