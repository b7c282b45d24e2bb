import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { DomainError, FieldError, RateLimitedError } from './domain-error';
import { statusForCode, titleForStatus } from './error-status';
import { translateConstraintViolation } from './postgres-errors';

/** RFC 9457 problem details, the body of every error answer. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
}

const CODE_FOR_HTTP_STATUS: Record<number, string> = {
  400: 'MALFORMED_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

export function problemType(code: string): string {
  return `urn:carebook:problem:${code.toLowerCase().replace(/_/g, '-')}`;
}

/** Builds the problem for any thrown value; unknown errors become an opaque 500. */
export function toProblem(error: unknown): { problem: ProblemDetails; retryAfter?: number } {
  const domain = error instanceof DomainError ? error : translateConstraintViolation(error);
  if (domain) {
    const status = statusForCode(domain.code);
    const problem: ProblemDetails = {
      type: problemType(domain.code),
      title: titleForStatus(status),
      status,
      detail: domain.message,
      code: domain.code,
    };
    if ('errors' in domain && Array.isArray(domain.errors)) problem.errors = domain.errors as FieldError[];
    const retryAfter = domain instanceof RateLimitedError ? domain.retryAfterSeconds : undefined;
    return { problem, retryAfter };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = error instanceof ThrottlerException ? 'RATE_LIMITED' : (CODE_FOR_HTTP_STATUS[status] ?? 'HTTP_ERROR');
    return {
      problem: {
        type: problemType(code),
        title: titleForStatus(status),
        status,
        detail: httpDetail(error, status),
        code,
      },
    };
  }
  return {
    problem: {
      type: problemType('INTERNAL_ERROR'),
      title: titleForStatus(500),
      status: 500,
      detail: 'Something went wrong on our side. The request id identifies it in our logs.',
      code: 'INTERNAL_ERROR',
    },
  };
}

function httpDetail(error: HttpException, status: number): string {
  if (status === 400 && error.message.includes('JSON')) return 'The request body is not valid JSON.';
  if (status === 404) return 'No such route or resource.';
  if (status === 429) return 'Too many requests. Retry after the number of seconds in Retry-After.';
  return error.message;
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const { problem, retryAfter } = toProblem(error);
    problem.instance = request.originalUrl?.split('?')[0];
    if (request.id) problem.requestId = String(request.id);
    if (problem.status >= 500) this.logger.error({ err: error, requestId: request.id }, 'request failed');
    if (retryAfter !== undefined) response.setHeader('Retry-After', String(retryAfter));
    if (problem.status === 429 && !response.getHeader('Retry-After')) response.setHeader('Retry-After', '60');
    if (response.headersSent) return;
    response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }
}
