// A real S3-compatible store (SeaweedFS) for a test file, with fresh buckets, or a loud skip where none can be had.
import { randomBytes } from 'node:crypto';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { s3ServerBinaryPath, startS3Server, type S3Server } from '../../packages/devstack/src/s3-server';
import type { S3StorageConfig } from '../../apps/api/src/config';
import { goBinaryAvailable } from './go-servers';

export function s3ServerAvailable(): boolean {
  return goBinaryAvailable(s3ServerBinaryPath(), 'S3 storage tests');
}

/** `describe` when an S3 store can run, else `describe.skip` (after saying why). */
export function describeWithS3(name: string, body: () => void): void {
  (s3ServerAvailable() ? describe : describe.skip)(name, body);
}

export interface TestS3 extends S3Server {
  /** Creates a bucket of its own and returns the API's configuration for it. */
  createBucket(): Promise<S3StorageConfig>;
}

export async function startTestS3(): Promise<TestS3> {
  const server = await startS3Server();
  const credentials = { accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey };
  const client = new S3Client({ endpoint: server.endpoint, region: server.region, forcePathStyle: true, credentials });
  return {
    ...server,
    async createBucket() {
      const bucket = `palier-test-${randomBytes(5).toString('hex')}`;
      // Just after start the gateway may not reach its filer yet: a few tries.
      for (let attempt = 1; ; attempt += 1) {
        try {
          await client.send(new CreateBucketCommand({ Bucket: bucket }));
          break;
        } catch (error) {
          if (attempt >= 40) throw error;
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      }
      return { bucket, endpoint: server.endpoint, region: server.region, credentials, forcePathStyle: true };
    },
    async stop() {
      client.destroy();
      await server.stop();
    },
  };
}
