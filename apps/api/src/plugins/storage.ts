// Where uploaded files live: one interface for every module, a local folder by default (STORAGE_DIR).
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import fp from 'fastify-plugin';

/** Keys are paths like `reports/<uuid>/full.jpg`: lowercase letters, digits, dashes, dots, slashes; never `..`. */
export interface Storage {
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  /** Null when nothing is stored under the key. */
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
  /** For logs: where files go. */
  readonly location: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    storage: Storage;
  }
}

const KEY = /^[a-z0-9-]+(\/[a-z0-9-]+)*(\.[a-z0-9]+)?$/;

function checkKey(key: string): string {
  if (!KEY.test(key) || key.length > 200) throw new Error(`invalid storage key ${JSON.stringify(key)}`);
  return key;
}

/**
 * Files in a folder. Writes go to a temporary name first and are renamed into place, so a reader never sees half a
 * file. Several API instances need the folder shared (NFS, a volume) — or an S3-compatible store, not written yet.
 */
export function localStorage(directory: string): Storage {
  const root = path.resolve(directory);
  const file = (key: string) => path.join(root, ...checkKey(key).split('/'));
  return {
    location: root,
    async put(key, data) {
      const target = file(key);
      await mkdir(path.dirname(target), { recursive: true });
      const temporary = `${target}.${randomUUID()}.part`;
      await writeFile(temporary, data);
      await rename(temporary, target);
    },
    async get(key) {
      try {
        return await readFile(file(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async delete(key) {
      await rm(file(key), { force: true });
    },
  };
}

export default fp<{ storageDir: string }>(
  async (app, options) => {
    const storage = localStorage(options.storageDir);
    app.decorate('storage', storage);
    app.log.debug({ storage: storage.location }, 'file storage');
  },
  { name: 'storage' },
);
