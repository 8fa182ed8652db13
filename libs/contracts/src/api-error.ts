/** The one error shape of the admin REST API: `code` is stable, `message` is for people. */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  requestId?: string;
}
