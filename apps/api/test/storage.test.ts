// The storage contract, the same cases for both backends: the local folder and an S3-compatible bucket on a real
// SeaweedFS (which checks request signatures as AWS does).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { localStorage, s3Storage, StorageUnavailableError, type Storage } from '../src/plugins/storage';
import { ConfigError, loadConfig } from '../src/config';
import { s3ServerAvailable, startTestS3, type TestS3 } from '../../../test/support/s3';

interface Backend {
  storage: Storage;
  /** Everything stored, as keys: to show a refused key left nothing behind. */
  keys(): Promise<string[]>;
  close(): Promise<void>;
}

const repoRoot = path.resolve(__dirname, '../../..');
let s3: TestS3 | null = null;
const withS3 = s3ServerAvailable();

beforeAll(async () => {
  if (withS3) s3 = await startTestS3();
}, 90_000);
afterAll(async () => s3?.stop());

const backends: Array<[string, () => Promise<Backend>]> = [
  [
    'a local folder',
    async () => {
      const folder = mkdtempSync(path.join(tmpdir(), 'palier-storage-'));
      const storage = localStorage(folder);
      await storage.check();
      return {
        storage,
        keys: async () =>
          readdirSync(folder, { recursive: true, withFileTypes: true })
            .filter((entry) => entry.isFile())
            .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')),
        close: async () => rmSync(folder, { recursive: true, force: true }),
      };
    },
  ],
  [
    'an S3 bucket',
    async () => {
      const config = await s3!.createBucket();
      const storage = s3Storage(config);
      await storage.check();
      return { storage, keys: () => listKeys(config), close: () => storage.close() };
    },
  ],
];

/** Keys in a bucket, read with a client of its own (not the backend under test). */
async function listKeys(config: Awaited<ReturnType<TestS3['createBucket']>>): Promise<string[]> {
  const { S3Client, ListObjectsV2Command } = await import('@aws-sdk/client-s3');
  const client = new S3Client({
    endpoint: config.endpoint!,
    region: config.region,
    forcePathStyle: true,
    credentials: config.credentials!,
  });
  const listed = await client.send(new ListObjectsV2Command({ Bucket: config.bucket }));
  client.destroy();
  return (listed.Contents ?? []).map((object) => object.Key!);
}

/** A 300 KB "photo": random bytes, so no layer can shrink it. */
const photo = () => randomBytes(300 * 1024);

describe.each(backends.filter(([name]) => withS3 || name !== 'an S3 bucket'))('storage in %s', (_name, open) => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await open();
  });
  afterAll(async () => backend?.close());

  it('gives back exactly the bytes it was given', async () => {
    const key = `report-photos/${randomUUID()}/full.jpg`;
    const bytes = photo();
    await backend.storage.put(key, bytes, 'image/jpeg');
    expect((await backend.storage.get(key))!.equals(bytes)).toBe(true);
    // every byte value survives, zeros included
    const all = Buffer.from(Array.from({ length: 256 }, (_, value) => value));
    await backend.storage.put('bytes/all.bin', all, 'application/octet-stream');
    expect((await backend.storage.get('bytes/all.bin'))!.equals(all)).toBe(true);
  });

  it('replaces what a key held when it is written again', async () => {
    const key = `notice-pictures/${randomUUID()}.jpg`;
    await backend.storage.put(key, Buffer.from('first, and longer than the second'), 'image/jpeg');
    await backend.storage.put(key, Buffer.from('second'), 'image/jpeg');
    expect((await backend.storage.get(key))!.toString()).toBe('second');
  });

  it('answers null for a key that holds nothing', async () => {
    expect(await backend.storage.get(`report-photos/${randomUUID()}/full.jpg`)).toBeNull();
  });

  it('deletes, and deleting again or deleting what never was is fine', async () => {
    const key = `report-photos/${randomUUID()}/thumb.jpg`;
    await backend.storage.put(key, photo(), 'image/jpeg');
    await backend.storage.delete(key);
    expect(await backend.storage.get(key)).toBeNull();
    await expect(backend.storage.delete(key)).resolves.toBeUndefined();
    await expect(backend.storage.delete(`report-photos/${randomUUID()}/full.jpg`)).resolves.toBeUndefined();
  });

  it('refuses keys that could escape their place or be spelt two ways, before storing anything', async () => {
    const before = await backend.keys();
    for (const key of [
      '../outside.jpg',
      'report-photos/../../outside.jpg',
      '/absolute.jpg',
      'Upper.jpg',
      'a//b.jpg',
      'a/b/',
      '',
      'a b.jpg',
      `${'a'.repeat(201)}`,
    ]) {
      await expect(backend.storage.put(key, Buffer.from('x'), 'image/jpeg')).rejects.toThrow(/invalid storage key/);
      await expect(backend.storage.get(key)).rejects.toThrow(/invalid storage key/);
      await expect(backend.storage.delete(key)).rejects.toThrow(/invalid storage key/);
    }
    expect(await backend.keys()).toEqual(before);
  });

  it('puts and gets a 300 KB photo in a few milliseconds', async () => {
    const timings: number[] = [];
    for (let round = 0; round < 20; round += 1) {
      const key = `report-photos/${randomUUID()}/full.jpg`;
      const bytes = photo();
      const started = process.hrtime.bigint();
      await backend.storage.put(key, bytes, 'image/jpeg');
      const back = await backend.storage.get(key);
      timings.push(Number(process.hrtime.bigint() - started) / 1e6);
      expect(back!.length).toBe(bytes.length);
    }
    timings.sort((a, b) => a - b);
    const median = timings[timings.length / 2];
    process.stderr.write(
      `[storage] ${_name}: put+get of 300 KB, median ${median.toFixed(1)} ms, max ${timings.at(-1)!.toFixed(1)} ms (20 rounds)\n`,
    );
    // Generous for a busy shared machine: the point is that nothing waits on a timeout or a retry.
    expect(median).toBeLessThan(500);
  });
});

(withS3 ? describe : describe.skip)('an S3 bucket that cannot be used', () => {
  it('stops the start with a clear error when the secret is wrong, and really refuses every request', async () => {
    const config = { ...(await s3!.createBucket()) };
    const wrong = { ...config, credentials: { ...config.credentials!, secretAccessKey: `${config.credentials!.secretAccessKey}x` } };
    const storage = s3Storage(wrong);
    await expect(storage.check()).rejects.toThrow(StorageUnavailableError);
    await expect(storage.check()).rejects.toThrow(
      new RegExp(
        `bucket "${config.bucket}" at ${s3!.endpoint} refused our credentials \\(403 SignatureDoesNotMatch\\): check STORAGE_S3_ACCESS_KEY_ID and STORAGE_S3_SECRET_ACCESS_KEY`,
      ),
    );
    await expect(storage.put('a/b.jpg', Buffer.from('x'), 'image/jpeg')).rejects.toThrow();
    await expect(storage.get('a/b.jpg')).rejects.toThrow();
    await storage.close();

    // The API process does not start on it: it logs the reason, once, without a stack trace, and exits.
    const server = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'apps/api/src/server.ts')], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 90_000,
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/palier_never_connected',
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        STORAGE_S3_BUCKET: wrong.bucket,
        STORAGE_S3_ENDPOINT: wrong.endpoint!,
        STORAGE_S3_ACCESS_KEY_ID: wrong.credentials.accessKeyId,
        STORAGE_S3_SECRET_ACCESS_KEY: wrong.credentials.secretAccessKey,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
    });
    expect(server.status).toBe(1);
    const errors = server.stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { level: number; msg: string })
      .filter((line) => line.level >= 50);
    expect(errors).toHaveLength(1);
    expect(errors[0].msg).toMatch(/refused our credentials \(403 SignatureDoesNotMatch\): check STORAGE_S3_ACCESS_KEY_ID/);
    expect(server.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);

  it('says so when the bucket does not exist, or nobody answers', async () => {
    const config = await s3!.createBucket();
    const noBucket = s3Storage({ ...config, bucket: 'palier-no-such-bucket' });
    await expect(noBucket.check()).rejects.toThrow(
      /bucket "palier-no-such-bucket" .* does not exist \(404 NoSuchBucket\): create the bucket or correct STORAGE_S3_BUCKET/,
    );
    const nobody = s3Storage({ ...config, endpoint: 'http://127.0.0.1:9' });
    await expect(nobody.check()).rejects.toThrow(
      /at http:\/\/127\.0\.0\.1:9 cannot be reached \(connect ECONNREFUSED 127\.0\.0\.1:9\): check STORAGE_S3_ENDPOINT/,
    );
    await Promise.all([noBucket.close(), nobody.close()]);
  });
});

describe('storage configuration', () => {
  const DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/palier';

  it('uses the folder unless a bucket is named, and reads the bucket’s settings with sensible defaults', () => {
    expect(loadConfig({ DATABASE_URL }).storageS3).toBeNull();
    expect(loadConfig({ DATABASE_URL, STORAGE_S3_BUCKET: 'palier-photos' }).storageS3).toEqual({
      bucket: 'palier-photos',
      endpoint: null,
      region: 'us-east-1',
      credentials: null,
      forcePathStyle: false,
    });
    expect(
      loadConfig({
        DATABASE_URL,
        STORAGE_S3_BUCKET: 'palier-photos',
        STORAGE_S3_ENDPOINT: 'https://s3.fr-par.example.net/',
        STORAGE_S3_REGION: 'fr-par',
        STORAGE_S3_ACCESS_KEY_ID: 'SCW123',
        STORAGE_S3_SECRET_ACCESS_KEY: 'secret',
      }).storageS3,
    ).toEqual({
      bucket: 'palier-photos',
      endpoint: 'https://s3.fr-par.example.net',
      region: 'fr-par',
      credentials: { accessKeyId: 'SCW123', secretAccessKey: 'secret' },
      forcePathStyle: true,
    });
    expect(
      loadConfig({
        DATABASE_URL,
        STORAGE_S3_BUCKET: 'palier-photos',
        STORAGE_S3_ENDPOINT: 'https://s3.example.net',
        STORAGE_S3_FORCE_PATH_STYLE: 'false',
      }).storageS3?.forcePathStyle,
    ).toBe(false);
  });

  it('names every S3 variable that is wrong, half set, or set without a bucket', () => {
    const problems = (env: NodeJS.ProcessEnv) => {
      try {
        loadConfig({ DATABASE_URL, ...env });
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as Error).message;
      }
      throw new Error('the configuration was accepted');
    };
    const halfSet = problems({ STORAGE_S3_BUCKET: 'Photos_Bucket', STORAGE_S3_ENDPOINT: 'ftp://x', STORAGE_S3_ACCESS_KEY_ID: 'key' });
    for (const name of [
      'STORAGE_S3_BUCKET',
      'STORAGE_S3_ENDPOINT',
      'STORAGE_S3_SECRET_ACCESS_KEY: must be set with STORAGE_S3_ACCESS_KEY_ID',
    ])
      expect(halfSet).toContain(name);
    expect(problems({ STORAGE_S3_ENDPOINT: 'https://s3.example.net' })).toContain(
      'STORAGE_S3_ENDPOINT: means nothing without STORAGE_S3_BUCKET',
    );
  });
});
