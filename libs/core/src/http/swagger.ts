import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

const PROBLEM_SCHEMA = {
  type: 'object',
  description: 'RFC 9457 problem details',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string', example: 'urn:carebook:problem:validation-failed' },
    title: { type: 'string', example: 'Bad Request' },
    status: { type: 'integer', example: 400 },
    detail: { type: 'string', example: 'The request has invalid fields.' },
    code: { type: 'string', example: 'VALIDATION_FAILED', description: 'Stable UPPER_SNAKE machine code' },
    instance: { type: 'string', example: '/api/v1/centres' },
    requestId: { type: 'string' },
    errors: {
      type: 'array',
      description: 'Field errors (400 only)',
      items: {
        type: 'object',
        properties: { field: { type: 'string', example: 'location.lat' }, message: { type: 'string' } },
      },
    },
  },
};

const STANDARD_PROBLEMS: Record<string, string> = {
  '400': 'Invalid input (`VALIDATION_FAILED` with field errors, or `MALFORMED_REQUEST`)',
  '401': 'Missing, invalid or expired access token (`UNAUTHENTICATED`)',
  '403': 'The caller may not use this route (`FORBIDDEN`)',
  '404': 'No such resource, or not within the caller\'s reach (`NOT_FOUND`)',
  '429': 'Rate limit exceeded (`RATE_LIMITED`); see the Retry-After header',
  '500': 'Unexpected failure (`INTERNAL_ERROR`)',
};

type Operation = {
  responses: Record<string, unknown>;
  security?: Array<Record<string, string[]>>;
  parameters?: unknown[];
  requestBody?: unknown;
  description?: string;
  'x-auth'?: 'public' | { roles: string[] };
};

/**
 * Builds the OpenAPI document and completes every operation the same way: its auth (bearer
 * unless `@Public()`, with the roles it admits) and the problem+json answers it can give.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('carebook API')
    .setDescription(
      'Backend for clinics and home-care providers. Errors are RFC 9457 problem details ' +
        '(`application/problem+json`) with a stable `code`. Authenticate with `Authorization: Bearer <accessToken>`.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components = { ...document.components, schemas: { ...document.components?.schemas, Problem: PROBLEM_SCHEMA } };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const op of Object.values(item as Record<string, Operation>)) {
      if (!op || typeof op !== 'object' || !('responses' in op)) continue;
      completeOperation(path, op);
    }
  }
  return document;
}

function completeOperation(path: string, op: Operation): void {
  const auth = op['x-auth'];
  const isPublic = auth === 'public' || path === '/api/health';
  const codes = ['429', '500'];
  if (op.requestBody || op.parameters?.length) codes.push('400');
  if (!isPublic) {
    op.security = [{ bearer: [] }];
    codes.push('401', '403');
    const roles = typeof auth === 'object' ? auth.roles.join(', ') : 'any signed-in user';
    op.description = [op.description, `**Who may call:** ${roles}.`].filter(Boolean).join('\n\n');
  } else {
    op.description = [op.description, '**Who may call:** anyone (public).'].filter(Boolean).join('\n\n');
  }
  if (path.includes('{')) codes.push('404');
  for (const code of codes) {
    if (op.responses[code]) continue;
    op.responses[code] = problemResponse(STANDARD_PROBLEMS[code]);
  }
  // Route-specific problems declared with @ApiResponse get the problem+json schema too.
  for (const [code, response] of Object.entries(op.responses)) {
    if (Number(code) >= 400) {
      const r = response as { description?: string; content?: unknown };
      if (!r.content) op.responses[code] = problemResponse(r.description ?? STANDARD_PROBLEMS[code] ?? 'Error');
    }
  }
}

function problemResponse(description: string) {
  return { description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
}

export function setupSwagger(app: INestApplication): OpenAPIObject {
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs-json',
    customSiteTitle: 'carebook API',
    swaggerOptions: { persistAuthorization: true },
  });
  return document;
}
