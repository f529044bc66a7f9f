// Serves the built TV app under /tv/, the console under /console/ and the phone page under /phone/, when built.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';

/**
 * The policy for a built app's index.html: Vite's legacy loader is inline script, allowed by its exact hash rather
 * than by 'unsafe-inline'. Read per response so a rebuild is picked up without a restart.
 */
export function indexPolicy(indexHtml: string): string {
  const hashes = [...indexHtml.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((match) => match[1] ?? '')
    .filter((body) => body.trim().length > 0)
    .map((body) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`);
  return [
    "default-src 'self'",
    `script-src 'self' ${hashes.join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' ws: wss:",
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}

export default fp<{ tvDist: string | null; consoleDist: string | null; phoneDist?: string | null }>(
  async (app, options) => {
    const apps = [
      { prefix: '/tv/', root: options.tvDist },
      { prefix: '/console/', root: options.consoleDist },
      { prefix: '/phone/', root: options.phoneDist ?? null },
    ];
    let decorated = false;
    for (const { prefix, root } of apps) {
      if (!root || !existsSync(path.join(root, 'index.html'))) {
        if (root) app.log.warn(`${root} has no build: ${prefix} is not served (run npm run build)`);
        continue;
      }
      await app.register(fastifyStatic, {
        root: path.resolve(root),
        prefix,
        decorateReply: !decorated,
        // Hashed assets can be cached for good; index.html must be re-read so a new build is picked up.
        setHeaders: (reply, filePath) => {
          const isIndex = filePath.endsWith('index.html');
          reply.header('cache-control', isIndex ? 'no-cache' : 'public, max-age=31536000, immutable');
          if (isIndex) reply.header('content-security-policy', indexPolicy(readFileSync(filePath, 'utf8')));
        },
      });
      decorated = true;
      app.get(prefix.slice(0, -1), { schema: { hide: true } }, (_request, reply) => reply.redirect(prefix));
    }
  },
  { name: 'web-apps' },
);
