// HTTP routes of device activation: RFC 8414 metadata, RFC 8628 endpoints, RFC 7009 revocation, the activation page.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import {
  ActivationCheckRequest,
  ActivationCheckResponse,
  ActivationDecisionRequest,
  ActivationDecisionResponse,
  AuthorizationServerMetadata,
  DEVICE_CODE_GRANT,
  DeviceAuthorizationRequest,
  DeviceAuthorizationResponse,
  RevocationRequest,
  TENANT_SCOPE,
  TokenError,
  TokenRequest,
  TokenResponse,
  normaliseUserCode,
} from '@palier/contracts';
import { problemResponses } from '../../plugins/problems';
import { DomainError } from '../../domain-error';
import {
  TokenGrantError,
  checkActivation,
  decideActivation,
  exchangeDeviceCode,
  revokeRefreshToken,
  rotateRefreshToken,
  startDeviceAuthorization,
  type DeviceFlowSettings,
} from './service';
import { pageLanguage, renderActivationPage } from './activation-page';

function sendTokenError(reply: FastifyReply, error: TokenGrantError) {
  return reply
    .code(error.error === 'invalid_client' ? 401 : 400)
    .header('cache-control', 'no-store')
    .send({ error: error.error, error_description: error.description });
}

export const deviceRoutes: FastifyPluginAsyncTypebox<Omit<DeviceFlowSettings, 'accessTokens'>> = async (app, options) => {
  const settings: DeviceFlowSettings = { ...options, accessTokens: app.accessTokens };
  const issuer = options.publicUrl;

  app.get(
    '/.well-known/oauth-authorization-server',
    {
      schema: { tags: ['activation'], summary: 'Authorization server metadata (RFC 8414)', response: { 200: AuthorizationServerMetadata } },
    },
    async () => ({
      issuer,
      device_authorization_endpoint: `${issuer}/oauth/device_authorization`,
      token_endpoint: `${issuer}/oauth/token`,
      revocation_endpoint: `${issuer}/oauth/revoke`,
      grant_types_supported: [DEVICE_CODE_GRANT, 'refresh_token'],
      response_types_supported: ['none'],
      token_endpoint_auth_methods_supported: ['none'],
      revocation_endpoint_auth_methods_supported: ['none'],
      scopes_supported: [TENANT_SCOPE],
      service_documentation: `${issuer}/openapi.json`,
    }),
  );

  const tokenErrorResponses = { 400: TokenError, 401: TokenError };

  app.post(
    '/oauth/device_authorization',
    {
      attachValidation: true,
      config: { rateLimit: { max: 20, timeWindow: 60_000 } },
      schema: {
        tags: ['activation'],
        summary: 'Start a device authorization (RFC 8628 §3.1)',
        consumes: ['application/x-www-form-urlencoded'],
        body: DeviceAuthorizationRequest,
        response: { 200: DeviceAuthorizationResponse, ...tokenErrorResponses },
      },
    },
    async (request, reply) => {
      if (request.validationError) return sendTokenError(reply, new TokenGrantError('invalid_request', request.validationError.message));
      try {
        const response = await startDeviceAuthorization(app.db, settings, {
          clientId: request.body.client_id,
          scope: request.body.scope,
          deviceLabel: request.body.device_label,
        });
        return reply.header('cache-control', 'no-store').send(response);
      } catch (error) {
        if (error instanceof TokenGrantError) return sendTokenError(reply, error);
        throw error;
      }
    },
  );

  app.post(
    '/oauth/token',
    {
      attachValidation: true,
      schema: {
        tags: ['activation'],
        summary: 'Exchange a device code or rotate a refresh token (RFC 8628 §3.4, RFC 6749 §6)',
        consumes: ['application/x-www-form-urlencoded'],
        body: TokenRequest,
        response: { 200: TokenResponse, ...tokenErrorResponses },
      },
    },
    async (request, reply) => {
      if (request.validationError) return sendTokenError(reply, new TokenGrantError('invalid_request', request.validationError.message));
      const body = request.body;
      try {
        let tokens;
        if (body.grant_type === DEVICE_CODE_GRANT) {
          if (!body.device_code) throw new TokenGrantError('invalid_request', 'device_code is required');
          tokens = await exchangeDeviceCode(app.db, settings, { deviceCode: body.device_code, clientId: body.client_id ?? '' });
        } else if (body.grant_type === 'refresh_token') {
          if (!body.refresh_token) throw new TokenGrantError('invalid_request', 'refresh_token is required');
          tokens = await rotateRefreshToken(app.db, settings, body.refresh_token);
        } else {
          throw new TokenGrantError('unsupported_grant_type', 'Use the device code or refresh token grant');
        }
        return reply.header('cache-control', 'no-store').send(tokens);
      } catch (error) {
        if (error instanceof TokenGrantError) {
          if (error.error === 'invalid_grant')
            request.log.warn({ event: 'token_grant_refused', grant: body.grant_type }, error.description);
          return sendTokenError(reply, error);
        }
        throw error;
      }
    },
  );

  app.post(
    '/oauth/revoke',
    {
      attachValidation: true,
      schema: {
        tags: ['activation'],
        summary: 'Revoke a refresh token (RFC 7009)',
        consumes: ['application/x-www-form-urlencoded'],
        body: RevocationRequest,
        response: { 200: Type.Object({}), 400: TokenError },
      },
    },
    async (request, reply) => {
      if (request.validationError) return sendTokenError(reply, new TokenGrantError('invalid_request', request.validationError.message));
      await revokeRefreshToken(app.db, request.body.token);
      return reply.send({});
    },
  );

  app.get(
    '/activate',
    {
      schema: {
        tags: ['activation'],
        summary: 'The activation page for phones and computers',
        querystring: Type.Object({
          user_code: Type.Optional(Type.String({ maxLength: 20 })),
          lang: Type.Optional(Type.String({ maxLength: 5 })),
        }),
        produces: ['text/html'],
      },
    },
    async (request, reply) => {
      const language = pageLanguage(request.headers['accept-language'], request.query.lang);
      const userCode = request.query.user_code ? normaliseUserCode(request.query.user_code).slice(0, 8) : '';
      const formatted = userCode.length === 8 ? `${userCode.slice(0, 4)}-${userCode.slice(4)}` : userCode;
      return reply.type('text/html; charset=utf-8').send(renderActivationPage(language, formatted, reply.cspNonce));
    },
  );

  /** Brute force of references, activation codes and user codes is counted per address, per reference and per code. */
  async function guardActivation(request: FastifyRequest, body: { reference: string; userCode: string }) {
    await app.attempts.consume([
      { name: `activation:ip:${request.ip}`, max: 30, windowSeconds: 900 },
      { name: `activation:reference:${body.reference.trim().toUpperCase()}`, max: 10, windowSeconds: 900 },
      { name: `activation:user-code:${normaliseUserCode(body.userCode)}`, max: 10, windowSeconds: 900 },
    ]);
  }

  async function logFailure<T>(request: FastifyRequest, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof DomainError)
        request.log.warn({ event: 'activation_refused', code: error.code, ip: request.ip }, 'activation refused');
      throw error;
    }
  }

  app.post(
    '/api/v1/activation/check',
    {
      schema: {
        tags: ['activation'],
        summary: 'Check the letter’s reference and code and the TV’s user code before confirming',
        body: ActivationCheckRequest,
        response: { 200: ActivationCheckResponse, ...problemResponses(400, 401, 404, 409, 410, 429) },
      },
    },
    async (request) => {
      await guardActivation(request, request.body);
      return logFailure(request, () => checkActivation(app.db, request.body));
    },
  );

  app.post(
    '/api/v1/activation/decision',
    {
      schema: {
        tags: ['activation'],
        summary: 'Approve or refuse the TV that shows this user code',
        body: ActivationDecisionRequest,
        response: { 200: ActivationDecisionResponse, ...problemResponses(400, 401, 404, 409, 410, 429) },
      },
    },
    async (request) => {
      await guardActivation(request, request.body);
      return logFailure(request, () => decideActivation(app.db, request.body));
    },
  );
};
