/**
 * The one table from stable error code to HTTP status. Contexts add their codes with
 * `registerErrorStatus` next to their error classes, so the filter needs no knowledge of them.
 */
const ERROR_STATUS = new Map<string, number>([
  ['VALIDATION_FAILED', 400],
  ['MALFORMED_REQUEST', 400],
  ['UNAUTHENTICATED', 401],
  ['INVALID_CREDENTIALS', 401],
  ['FORBIDDEN', 403],
  ['NOT_FOUND', 404],
  ['METHOD_NOT_ALLOWED', 405],
  ['CONFLICT', 409],
  ['PAYLOAD_TOO_LARGE', 413],
  ['UNSUPPORTED_MEDIA_TYPE', 415],
  ['RATE_LIMITED', 429],
  ['INTERNAL_ERROR', 500],
  ['SERVICE_UNAVAILABLE', 503],
]);

export function registerErrorStatus(entries: Record<string, number>): void {
  for (const [code, status] of Object.entries(entries)) ERROR_STATUS.set(code, status);
}

export function statusForCode(code: string): number {
  return ERROR_STATUS.get(code) ?? 500;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function titleForStatus(status: number): string {
  return TITLES[status] ?? 'Error';
}
