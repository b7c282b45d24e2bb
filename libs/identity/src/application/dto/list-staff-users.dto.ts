import { PageDto, PageQueryDto, Role } from '@carebook/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { StaffUserDto } from './staff-user.dto';

/** `GET /users` filters, on top of `?page=&limit=`. */
export class ListStaffUsersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: Role, enumName: 'Role' })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only members of this centre' })
  @IsOptional()
  @IsUUID('all')
  centreId?: string;

  @ApiPropertyOptional({
    example: 'asha',
    maxLength: 100,
    description:
      'Case-insensitive: a part of the name or the start of the username; a search that looks like a phone number also matches the digits of phones',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'Only active or only deactivated users',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  isActive?: 'true' | 'false';
}

export class StaffUserPageDto extends PageDto {
  @ApiProperty({ type: [StaffUserDto] }) items: StaffUserDto[];
}
