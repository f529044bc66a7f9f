// A real LiveKit server for a test file (it starts in well under a second), or a loud skip where none can be had.
import { livekitBinaryPath, startLivekit, type LivekitServer } from '../../packages/devstack/src/livekit';
import type { LivekitConfig } from '../../apps/api/src/config';
import { goBinaryAvailable } from './go-servers';

/** Whether a LiveKit server can run here (Jest's global setup built it where Go is). In CI its absence is an error. */
export function livekitAvailable(): boolean {
  return goBinaryAvailable(livekitBinaryPath(), 'Video tests');
}

/** `describe` when a LiveKit server can run, else `describe.skip` (after saying why). */
export function describeWithLivekit(name: string, body: () => void): void {
  (livekitAvailable() ? describe : describe.skip)(name, body);
}

export async function startTestLivekit(webhookUrls: string[] = []): Promise<LivekitServer & { config: LivekitConfig }> {
  const server = await startLivekit({ webhookUrls });
  return { ...server, config: { url: server.url, apiKey: server.apiKey, apiSecret: server.apiSecret } };
}
