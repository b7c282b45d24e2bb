import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { LIMITS } from '../../domain/clinician-profile';
import { IfSent } from './input-rules';

/** Optional booking settings; omitted ones take the defaults (create) or keep their value (update). */
export class ClinicianSettingsInputDto {
  @ApiPropertyOptional({ default: 0, minimum: 0, maximum: LIMITS.bufferMinutes })
  @IfSent()
  @IsInt()
  @Min(0)
  @Max(LIMITS.bufferMinutes)
  bufferBeforeMinutes?: number;

  @ApiPropertyOptional({ default: 0, minimum: 0, maximum: LIMITS.bufferMinutes })
  @IfSent()
  @IsInt()
  @Min(0)
  @Max(LIMITS.bufferMinutes)
  bufferAfterMinutes?: number;

  @ApiPropertyOptional({ default: 120, minimum: 0, maximum: LIMITS.minNoticeMinutes })
  @IfSent()
  @IsInt()
  @Min(0)
  @Max(LIMITS.minNoticeMinutes)
  minNoticeMinutes?: number;

  @ApiPropertyOptional({ default: 60, minimum: 1, maximum: LIMITS.horizonDays })
  @IfSent()
  @IsInt()
  @Min(1)
  @Max(LIMITS.horizonDays)
  horizonDays?: number;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    default: null,
    minimum: 1,
    maximum: LIMITS.dailyCap,
    description: 'null = no cap',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(LIMITS.dailyCap)
  dailyCap?: number | null;
}
