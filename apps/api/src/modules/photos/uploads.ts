// A route plugin that takes photo uploads: the bytes as sent (JPEG, PNG or WebP, 10 MB at most), and the two ways a
// body can be refused before any handler runs, said as the photo problems rather than Fastify's generic ones.
import type { FastifyError, FastifyInstance } from 'fastify';
import { MAX_PHOTO_BYTES, PHOTO_CONTENT_TYPES } from './encoding';

/** Call inside the (encapsulated) plugin whose routes take photos; `uploadPath` is the prefix of those routes. */
export function acceptPhotoUploads(app: FastifyInstance, uploadPath: string): void {
  app.addContentTypeParser([...PHOTO_CONTENT_TYPES], { parseAs: 'buffer', bodyLimit: MAX_PHOTO_BYTES }, (_request, body, done) =>
    done(null, body),
  );
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (request.url.startsWith(uploadPath)) {
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.problem('photo_too_large');
      if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return reply.problem('photo_unreadable');
    }
    throw error;
  });
}
