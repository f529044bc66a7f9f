// A fault-report photo from the phone, kept in an S3 bucket (a real SeaweedFS) rather than the folder, and served back.
import { readdirSync } from 'node:fs';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import sharp from 'sharp';
import type { S3StorageConfig } from '../src/config';
import { startTestApi, type TestApi } from '../../../test/support/test-api';
import { LAURIERS_A_TENANT, activateTv, bearer } from '../../../test/support/journeys';
import { describeWithS3, startTestS3, type TestS3 } from '../../../test/support/s3';

describeWithS3('report photos in an S3 bucket', () => {
  let s3: TestS3;
  let bucket: S3StorageConfig;
  let api: TestApi;
  let bucketClient: S3Client;

  beforeAll(async () => {
    s3 = await startTestS3();
    bucket = await s3.createBucket();
    api = await startTestApi({ devicePollIntervalSeconds: 1, storageS3: bucket });
    bucketClient = new S3Client({
      endpoint: bucket.endpoint!,
      region: bucket.region,
      forcePathStyle: true,
      credentials: bucket.credentials!,
    });
  }, 90_000);
  afterAll(async () => {
    bucketClient?.destroy();
    await api?.close();
    await s3?.stop();
  });

  it('keeps the phone’s photo in the bucket, without its location, and serves it back from there', async () => {
    const tenant = await activateTv(api.app, LAURIERS_A_TENANT);
    const handoff = await api.app.inject({
      method: 'POST',
      url: '/api/v1/handoffs',
      headers: bearer(tenant),
      payload: { purpose: 'report_photos' },
    });
    const claimed = await api.app.inject({ method: 'POST', url: '/api/v1/handoffs/claim', payload: { code: handoff.json().code } });
    const phone = { authorization: `Bearer ${claimed.json().accessToken}` };
    const original = await sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 200, g: 90, b: 30 } } })
      .jpeg()
      .withMetadata({
        exif: { IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '43/1 20/1 5/1', GPSLongitudeRef: 'E', GPSLongitude: '5/1 24/1 13/1' } },
      })
      .toBuffer();

    const uploaded = await api.app.inject({
      method: 'POST',
      url: '/api/v1/reports/photos',
      headers: { ...phone, 'content-type': 'image/jpeg' },
      payload: original,
    });
    expect(uploaded.statusCode).toBe(201);
    const { id, url } = uploaded.json();

    // In the bucket, as a JPEG without the GPS block; nothing in the folder.
    const listed = await bucketClient.send(new ListObjectsV2Command({ Bucket: bucket.bucket }));
    expect((listed.Contents ?? []).map((object) => object.Key).sort()).toEqual([
      `report-photos/${id}/full.jpg`,
      `report-photos/${id}/thumb.jpg`,
    ]);
    const stored = await bucketClient.send(new GetObjectCommand({ Bucket: bucket.bucket, Key: `report-photos/${id}/full.jpg` }));
    expect(stored.ContentType).toBe('image/jpeg');
    const storedBytes = Buffer.from(await stored.Body!.transformToByteArray());
    expect((await sharp(storedBytes).metadata()).exif).toBeUndefined();
    expect(readdirSync(api.config.storageDir)).toEqual([]);

    // Served back through the signed link, byte for byte what the bucket holds.
    const served = await api.app.inject({ url });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(served.rawPayload.equals(storedBytes)).toBe(true);
    expect((await sharp(served.rawPayload).metadata()).width).toBeGreaterThan(0);
  });
});
