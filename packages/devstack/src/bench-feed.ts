// Feed page latency against the size of the feed: a tenant's first page and fifth page with 10,000 and with 1,000,000
// posts in the database, measured the same way, printed side by side with the ratio (keyset pages must not slow down).
import { performance } from 'node:perf_hooks';
import type { PrismaClient } from '@prisma/client';

const SAMPLES = Number(process.env.BENCH_FEED_SAMPLES ?? 1000);
const SIZES = [10_000, 1_000_000];
const PAGE_SIZE = 20;
const DEEP_PAGE = 5;

export interface FeedScaleResult {
  /** A Markdown table and its notes, ready to print. */
  text: string;
  rows: { page: string; size: number; p50: number; p99: number }[];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/**
 * Adds posts up to `total`, in one INSERT … SELECT: 1 post in 100 goes to the tenant's building, 1 to their residence,
 * 2 to their district (4 % of the feed is theirs), the rest to 2,000 other places, over the last year.
 */
async function fillPosts(
  db: PrismaClient,
  place: { buildingId: string; residenceId: string; districtId: string },
  from: number,
  to: number,
) {
  const authors = (await db.tenant.findMany({ select: { id: true }, take: 200 })).map((tenant) => tenant.id);
  await db.$executeRaw`
    INSERT INTO "Post" ("id", "authorId", "kind", "audienceKind", "audienceId", "title", "body", "createdAt")
    SELECT gen_random_uuid(),
      (${authors}::uuid[])[1 + (i % ${authors.length})],
      (enum_range(NULL::"PostKind"))[1 + (i % 7)],
      (CASE WHEN i % 100 = 0 THEN 'BUILDING' WHEN i % 100 = 1 THEN 'RESIDENCE' WHEN i % 100 IN (2, 3) THEN 'DISTRICT'
            ELSE (ARRAY['BUILDING', 'RESIDENCE', 'DISTRICT'])[1 + i % 3] END)::"FeedAudience",
      CASE WHEN i % 100 = 0 THEN ${place.buildingId}::uuid WHEN i % 100 = 1 THEN ${place.residenceId}::uuid
           WHEN i % 100 IN (2, 3) THEN ${place.districtId}::uuid ELSE md5('place-' || (i::bigint * 7919 % 2000))::uuid END,
      'Annonce ' || i,
      'Texte de l’annonce numéro ' || i || ', pour les voisins qui peuvent aider.',
      now() - random() * interval '365 days'
    FROM generate_series(${from}::int, ${to}::int) AS i`;
  // As a live database would be after autovacuum: statistics fresh and the visibility map set (index-only scans), so
  // the measure is not of a maintenance pass running underneath.
  await db.$executeRawUnsafe('VACUUM (ANALYZE) "Post"');
}

async function timePage(url: string, accessToken: string): Promise<number[]> {
  const headers = { authorization: `Bearer ${accessToken}` };
  for (let i = 0; i < 30; i += 1) await (await fetch(url, { headers })).arrayBuffer(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i += 1) {
    const started = performance.now();
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`the feed answered ${response.status}`);
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b);
}

export async function measureFeedScale(options: {
  db: PrismaClient;
  apiUrl: string;
  accessToken: string;
  tenantReference: string;
  log: (message: string) => void;
}): Promise<FeedScaleResult> {
  const { db, apiUrl, accessToken, log } = options;
  const tenant = await db.tenant.findUniqueOrThrow({
    where: { reference: options.tenantReference },
    select: {
      home: { select: { buildingId: true, building: { select: { residenceId: true, residence: { select: { districtId: true } } } } } },
    },
  });
  const place = {
    buildingId: tenant.home.buildingId,
    residenceId: tenant.home.building.residenceId,
    districtId: tenant.home.building.residence.districtId,
  };
  const rows: FeedScaleResult['rows'] = [];
  let filled = await db.post.count();
  for (const size of SIZES) {
    const started = performance.now();
    if (size > filled) await fillPosts(db, place, filled + 1, size);
    filled = size;
    const visible = await db.post.count({ where: { audienceId: { in: [place.buildingId, place.residenceId, place.districtId] } } });
    log(
      `feed: ${size.toLocaleString('en')} posts (${visible.toLocaleString('en')} in the tenant's feed) ready in ${((performance.now() - started) / 1000).toFixed(1)} s; ${SAMPLES} requests per page, one after the other`,
    );
    const first = `${apiUrl}/api/v1/feed?limit=${PAGE_SIZE}`;
    let cursor: string | null = null;
    for (let page = 1; page < DEEP_PAGE; page += 1) {
      const response: Response = await fetch(`${first}${cursor ? `&cursor=${cursor}` : ''}`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      cursor = ((await response.json()) as { nextCursor: string | null }).nextCursor;
    }
    if (!cursor) throw new Error(`the tenant's feed has fewer than ${DEEP_PAGE} pages`);
    for (const [name, url] of [
      ['first page', first],
      [`page ${DEEP_PAGE} (keyset cursor)`, `${first}&cursor=${cursor}`],
    ] as const) {
      const samples = await timePage(url, accessToken);
      rows.push({ page: name, size, p50: percentile(samples, 50), p99: percentile(samples, 99) });
    }
  }
  const fixed = (value: number) => value.toFixed(1);
  const lines = [
    `| GET /api/v1/feed?limit=${PAGE_SIZE} | p50 10k (ms) | p50 1M (ms) | ratio | p99 10k (ms) | p99 1M (ms) | ratio |`,
    '|---|--:|--:|--:|--:|--:|--:|',
  ];
  for (const page of [...new Set(rows.map((row) => row.page))]) {
    const [small, large] = SIZES.map((size) => rows.find((row) => row.page === page && row.size === size)!);
    lines.push(
      `| ${page} | ${fixed(small!.p50)} | ${fixed(large!.p50)} | ${(large!.p50 / small!.p50).toFixed(2)} | ${fixed(small!.p99)} | ${fixed(large!.p99)} | ${(large!.p99 / small!.p99).toFixed(2)} |`,
    );
  }
  const text =
    `${lines.join('\n')}\n\n` +
    `Feed page latency with 10,000 and 1,000,000 posts (4 % in the tenant's building, residence and district, the rest over ` +
    `2,000 other places); ${SAMPLES} sequential requests per cell after 30 warm-up, loopback; ratio = 1M / 10k\n`;
  return { text, rows };
}
