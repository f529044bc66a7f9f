// A real LiveKit server for a test file (it starts in well under a second), or a loud skip where none can be had.
import { ensureLivekitBinary, startLivekit, type LivekitServer } from '../../packages/devstack/src/livekit';
import type { LivekitConfig } from '../../apps/api/src/config';

let availability: ReturnType<typeof ensureLivekitBinary> | null = null;

/** Whether a LiveKit server can run here; builds it once if Go is present. In CI its absence is an error. */
export function livekitAvailable(): boolean {
  availability ??= ensureLivekitBinary((message) => process.stderr.write(`[palier] ${message}\n`));
  if (availability.ok) return true;
  if (process.env.CI === 'true') throw new Error(`CI must run the video tests, but: ${availability.reason}`);
  const banner = '!'.repeat(78);
  process.stderr.write(`\n${banner}\n!! Video tests SKIPPED: ${availability.reason}.\n!! Install Go 1.26 to run them.\n${banner}\n\n`);
  return false;
}

/** `describe` when a LiveKit server can run, else `describe.skip` (after saying why). */
export function describeWithLivekit(name: string, body: () => void): void {
  (livekitAvailable() ? describe : describe.skip)(name, body);
}

export async function startTestLivekit(webhookUrls: string[] = []): Promise<LivekitServer & { config: LivekitConfig }> {
  const server = await startLivekit({ webhookUrls });
  return { ...server, config: { url: server.url, apiKey: server.apiKey, apiSecret: server.apiSecret } };
}
