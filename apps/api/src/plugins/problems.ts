// Every error leaves the API as RFC 9457 application/problem+json with a stable code, in the request's language.
import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { problemCatalogue, type ProblemCode, type ProblemLanguage, Problem } from '@palier/contracts';
import { DomainError } from '../domain-error';

declare module 'fastify' {
  interface FastifyRequest {
    language: ProblemLanguage;
  }
  interface FastifyReply {
    problem(code: ProblemCode, extra?: Partial<Problem>): FastifyReply;
  }
}

/** Response schemas for the error statuses a route can answer, all pointing at the one Problem schema. */
export function problemResponses(...statuses: number[]) {
  return Object.fromEntries(statuses.map((status) => [status, { $ref: 'Problem#' }]));
}

export function requestLanguage(acceptLanguage: string | undefined): ProblemLanguage {
  if (!acceptLanguage) return 'fr';
  for (const part of acceptLanguage.split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === 'fr' || tag === 'en') return tag;
  }
  return 'fr';
}

function send(request: FastifyRequest, reply: FastifyReply, code: ProblemCode, extra: Partial<Problem> = {}) {
  const entry = problemCatalogue[code];
  const status = extra.status ?? entry.status;
  const body: Problem = {
    type: `https://palier.fr/problems/${code}`,
    title: entry[request.language ?? 'fr'],
    status,
    code,
    instance: request.url.split('?')[0],
    requestId: request.id,
    ...extra,
  };
  if (body.retryAfterSeconds !== undefined) reply.header('retry-after', String(body.retryAfterSeconds));
  return reply.code(status).type('application/problem+json').send(body);
}

function validationErrors(error: FastifyError): { field: string; message: string }[] {
  return (error.validation ?? []).map((issue) => {
    const missing = (issue.params as { missingProperty?: string })?.missingProperty;
    const path = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const field = [error.validationContext, path || missing].filter(Boolean).join('.');
    return { field: missing && path ? `${field}.${missing}` : field, message: issue.message ?? 'invalid' };
  });
}

export default fp(
  async (app) => {
    app.addSchema({ $id: 'Problem', ...Problem });
    app.decorateRequest('language', 'fr');
    app.addHook('onRequest', async (request) => {
      request.language = requestLanguage(request.headers['accept-language']);
    });
    app.decorateReply('problem', function (this: FastifyReply, code: ProblemCode, extra?: Partial<Problem>) {
      return send(this.request, this, code, extra);
    });

    app.setNotFoundHandler((request, reply) => send(request, reply, 'not_found'));

    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof DomainError) {
        return send(request, reply, error.code, {
          detail: error.detail,
          errors: error.extra.errors,
          retryAfterSeconds: error.extra.retryAfterSeconds,
          opensAt: error.extra.opensAt,
          until: error.extra.until,
          word: error.extra.word,
        });
      }
      if (error.validation) {
        return send(request, reply, 'validation_failed', { errors: validationErrors(error) });
      }
      if (error.statusCode === 429) return send(request, reply, 'rate_limited');
      if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
        // Fastify's own client errors (bad JSON, wrong content type, body too large) stay 4xx.
        return send(request, reply, 'validation_failed', { status: error.statusCode, detail: error.message });
      }
      request.log.error({ err: error }, 'unhandled error');
      return send(request, reply, 'internal');
    });
  },
  { name: 'problems' },
);
