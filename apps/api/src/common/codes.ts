import { applyDecorators, BadRequestException, PipeTransform } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidationOptions,
} from 'class-validator';
import { DateTime } from 'luxon';

/** Unit and category codes: 1–64 characters of [a-z0-9_-] (API.md). */
export const CODE_PATTERN = /^[a-z0-9_-]{1,64}$/;
export const IsCode = (options: ValidationOptions = {}) =>
  applyDecorators(
    IsString(options),
    Matches(CODE_PATTERN, { ...options, message: '$property must be 1-64 characters of [a-z0-9_-]' }),
  );

/** An optional list of distinct unit codes, such as co-units. */
export const IsOptionalCodeList = () =>
  applyDecorators(
    ApiPropertyOptional({ type: [String] }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(50),
    ArrayUnique(),
    IsCode({ each: true }),
  );

/** Administrative division codes, GB/T 2260: six digits. */
export const REGION_PATTERN = /^\d{6}$/;
export const IsRegionCode = () =>
  applyDecorators(IsString(), Matches(REGION_PATTERN, { message: '$property must be a 6-digit region code' }));

/** A calendar date, YYYY-MM-DD, that exists. */
export const IsLocalDate = () =>
  applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date as YYYY-MM-DD' }),
    IsISO8601({ strict: true }, { message: '$property must be a real calendar date' }),
  );

export function isLocalDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value).isValid;
}

/** A path code (unit, category) checked like a body's: a bad one is a 400 naming the parameter. */
export const codeParam = (field = 'code'): PipeTransform<string, string> => ({
  transform: (value) => {
    if (!CODE_PATTERN.test(value)) throw new BadRequestException(`${field} must be 1-64 characters of [a-z0-9_-]`);
    return value;
  },
});

/** A path date, YYYY-MM-DD, that exists. */
export const localDateParam = (field = 'date'): PipeTransform<string, string> => ({
  transform: (value) => {
    if (!isLocalDate(value)) throw new BadRequestException(`${field} must be a real calendar date as YYYY-MM-DD`);
    return value;
  },
});

/** An optional escalation level in a query: 0 (none) to 10. */
export const IsOptionalLevel = () =>
  applyDecorators(
    ApiPropertyOptional({ minimum: 0, maximum: 10 }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(0),
    Max(10),
  );

/** A username in a path, as users are created: 1–64 letters, digits, `_ . @ -`. */
export const usernameParam = (field = 'username'): PipeTransform<string, string> => ({
  transform: (value) => {
    if (!/^[A-Za-z0-9_.@-]{1,64}$/.test(value)) {
      throw new BadRequestException(`${field} must be 1-64 characters of letters, digits, _ . @ -`);
    }
    return value;
  },
});
