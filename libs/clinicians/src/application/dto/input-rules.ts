import { applyDecorators } from '@nestjs/common';
import {
  ArrayMaxSize,
  IsArray,
  IsNotEmpty,
  IsString,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { LIMITS } from '../../domain/clinician-profile';

/** Present (and not null) only when the field is sent: an omitted field keeps its value. */
export const IfSent = () => ValidateIf((_dto: object, value: unknown) => value !== undefined);

/** A list of short texts (specializations, languages, ...), each at most `max` characters. */
export const TextList = (max: number) =>
  applyDecorators(
    IsArray(),
    ArrayMaxSize(LIMITS.listItems),
    IsString({ each: true }),
    IsNotEmpty({ each: true }),
    MaxLength(max, { each: true }),
  );
