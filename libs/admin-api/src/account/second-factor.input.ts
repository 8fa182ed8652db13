import { BadRequestException } from '@nestjs/common';
import type { SecondFactor } from '@rollcall/sso';

/** Exactly one of `code` and `recoveryCode`, checked before any use case runs. */
export function secondFactorOf(body: { code?: string; recoveryCode?: string }): SecondFactor {
  const { code, recoveryCode } = body;
  if (code !== undefined && recoveryCode === undefined) return { code };
  if (recoveryCode !== undefined && code === undefined) return { recoveryCode };
  throw new BadRequestException('Send exactly one of code and recoveryCode.');
}
