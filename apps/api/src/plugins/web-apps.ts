// Serves the built TV app under /tv/ and the console under /console/, when their builds are present.
import { existsSync } from 'node:fs';
import path from 'node:path';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';

export default fp<{ tvDist: string | null; consoleDist: string | null }>(
  async (app, options) => {
    const apps = [
      { prefix: '/tv/', root: options.tvDist },
      { prefix: '/console/', root: options.consoleDist },
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
          reply.header('cache-control', filePath.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable');
        },
      });
      decorated = true;
      app.get(prefix.slice(0, -1), { schema: { hide: true } }, (_request, reply) => reply.redirect(prefix));
    }
  },
  { name: 'web-apps' },
);
