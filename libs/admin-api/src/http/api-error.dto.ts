import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ApiErrorBody } from '@rollcall/contracts';

/** The admin API's one error shape, for the OpenAPI document. */
export class ApiErrorDto implements ApiErrorBody {
  @ApiProperty({ example: 401 })
  statusCode!: number;

  @ApiProperty({ example: 'INVALID_CREDENTIALS', description: 'Stable; switch on this.' })
  code!: string;

  @ApiProperty({ example: 'The e-mail or password is incorrect.', description: 'For people.' })
  message!: string;

  @ApiPropertyOptional({ description: 'Also in the X-Request-Id response header.' })
  requestId?: string;
}
