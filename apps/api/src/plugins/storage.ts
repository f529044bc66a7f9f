// Where uploaded files live: one interface for every module, a local folder by default (STORAGE_DIR), an
// S3-compatible bucket when STORAGE_S3_BUCKET is set.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import fp from 'fastify-plugin';
import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { S3StorageConfig } from '../config';

/** Keys are paths like `reports/<uuid>/full.jpg`: lowercase letters, digits, dashes, dots, slashes; never `..`. */
export interface Storage {
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  /** Null when nothing is stored under the key. */
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
  /** For logs: where files go. */
  readonly location: string;
  /** Throws, saying what is wrong, when files cannot be written or read there; called once at start. */
  check(): Promise<void>;
  /** Lets go of connections; called when the app closes. */
  close(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    storage: Storage;
  }
}

const KEY = /^[a-z0-9-]+(\/[a-z0-9-]+)*(\.[a-z0-9]+)?$/;

/** Refuses a key that could escape its place (`..`, absolute paths) or that the backends would spell differently. */
function checkKey(key: string): string {
  if (!KEY.test(key) || key.length > 200) throw new Error(`invalid storage key ${JSON.stringify(key)}`);
  return key;
}

/**
 * Files in a folder. Writes go to a temporary name first and are renamed into place, so a reader never sees half a
 * file. Several API instances need the folder shared (NFS, a volume), or an S3-compatible store.
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
    async check() {
      await mkdir(root, { recursive: true });
    },
    async close() {},
  };
}

/** The store cannot be used: wrong credentials, no such bucket, nobody answering. The message says which. */
export class StorageUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StorageUnavailableError';
  }
}

/**
 * Objects in an S3-compatible bucket (AWS, Scaleway, OVH, Garage, SeaweedFS, Ceph…), through AWS's own SDK. A put is
 * atomic by nature in S3; a missing object reads as null; deleting a missing object succeeds, as in S3.
 */
export function s3Storage(config: S3StorageConfig): Storage {
  const client = new S3Client({
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    forcePathStyle: config.forcePathStyle,
    ...(config.credentials ? { credentials: config.credentials } : {}),
    // Checksums only where S3 requires them: the SDK's newer default (a CRC32 on every request) is refused by some
    // S3-compatible stores, and TLS already guards the bytes in transit.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000 },
  });
  const where = `bucket "${config.bucket}" at ${config.endpoint ?? `AWS S3 (${config.region})`}`;
  const Bucket = config.bucket;
  return {
    location: `s3://${config.bucket}${config.endpoint ? ` at ${config.endpoint}` : ''}`,
    async put(key, data, contentType) {
      await client.send(new PutObjectCommand({ Bucket, Key: checkKey(key), Body: data, ContentType: contentType }));
    },
    async get(key) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket, Key: checkKey(key) }));
        if (!object.Body) return Buffer.alloc(0);
        const bytes = await object.Body.transformToByteArray();
        return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      } catch (error) {
        // Only a missing key is "nothing there": a missing bucket or a refusal is an error to see.
        if (error instanceof NoSuchKey || (error as Error).name === 'NoSuchKey') return null;
        throw error;
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: checkKey(key) }));
    },
    async check() {
      try {
        // Listing one key rather than HeadBucket: a HEAD's refusal has no body, this one names the reason
        // (SignatureDoesNotMatch, InvalidAccessKeyId, AccessDenied, NoSuchBucket…).
        await client.send(new ListObjectsV2Command({ Bucket, MaxKeys: 1 }));
      } catch (error) {
        throw new StorageUnavailableError(`S3 storage: ${where} ${explainS3Failure(error)}`);
      }
    },
    async close() {
      client.destroy();
    },
  };
}

/** What an operator should read when the bucket cannot be used, from the SDK's error. */
function explainS3Failure(error: unknown): string {
  const failure = error as Error & { $metadata?: { httpStatusCode?: number }; Code?: string };
  const status = failure.$metadata?.httpStatusCode;
  const name = failure.Code ?? failure.name;
  if (status === undefined) {
    // e.g. "connect ECONNREFUSED 127.0.0.1:9" (the SDK wraps errors from another realm, as under Jest: unwrap)
    const detail = failure.message.replace(/^AWS SDK error wrapper for (\w*Error: )?/, '');
    return `cannot be reached (${detail}): check STORAGE_S3_ENDPOINT and that the store is running`;
  }
  if (status === 403)
    return (
      `refused our credentials (403 ${name}): check STORAGE_S3_ACCESS_KEY_ID and STORAGE_S3_SECRET_ACCESS_KEY, ` +
      'and that this key may list, read and write the bucket'
    );
  if (status === 404) return `does not exist (404 ${name}): create the bucket or correct STORAGE_S3_BUCKET`;
  if (status === 301 || status === 400)
    return `answered ${status} ${name}: the bucket may be in another region than STORAGE_S3_REGION, or need STORAGE_S3_FORCE_PATH_STYLE`;
  return `answered ${status} ${name}: ${failure.message}`;
}

export default fp<{ storageDir: string; s3: S3StorageConfig | null }>(
  async (app, options) => {
    const storage = options.s3 ? s3Storage(options.s3) : localStorage(options.storageDir);
    try {
      await storage.check();
    } catch (error) {
      // An API that cannot keep photos must not look healthy: say what is wrong once, clearly, and stop the start.
      app.log.error({ storage: storage.location }, (error as Error).message);
      await storage.close();
      throw error;
    }
    app.decorate('storage', storage);
    app.addHook('onClose', () => storage.close());
    app.log.info({ storage: storage.location }, 'file storage');
  },
  { name: 'storage' },
);
