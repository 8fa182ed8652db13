import { ValidateIf } from 'class-validator';

/**
 * Optional in a partial update: validated unless absent. Unlike @IsOptional, `null` is
 * validated too (and fails a type check), so it never reaches a NOT NULL column.
 */
export function IsOmittable(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}
