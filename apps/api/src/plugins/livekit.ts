// LiveKit, the video server: rooms through its Twirp room API, access tokens and webhook verification with the SDK.
import fp from 'fastify-plugin';
import type { FastifyBaseLogger } from 'fastify';
import { AccessToken, RoomServiceClient, TrackSource, WebhookReceiver, type WebhookEvent } from 'livekit-server-sdk';
import type { LivekitConfig } from '../config';

export type PublishSource = 'camera' | 'microphone';

export interface ParticipantGrant {
  roomName: string;
  identity: string;
  name: string;
  canPublishSources: PublishSource[];
  canSubscribe: boolean;
  ttlSeconds: number;
}

const trackSources: Record<PublishSource, TrackSource> = { camera: TrackSource.CAMERA, microphone: TrackSource.MICROPHONE };
const ROOM_API_TIMEOUT_SECONDS = 3;

export interface Livekit {
  /** The URL clients give livekit-client. */
  url: string;
  /** Creates the room ahead of the first participant, so it exists while the call is live. Never throws. */
  ensureRoom(roomName: string): Promise<void>;
  /** Deletes the room and disconnects whoever is left; a room already gone is fine. Never throws. */
  deleteRoom(roomName: string): Promise<void>;
  mintToken(grant: ParticipantGrant): Promise<{ token: string; expiresAt: Date }>;
  /** Verifies the Authorization JWT and the body's sha256; throws when either is wrong. */
  receiveWebhook(rawBody: string, authorization: string | undefined): Promise<WebhookEvent>;
}

declare module 'fastify' {
  interface FastifyInstance {
    livekit: Livekit | null;
  }
}

export function httpUrlOf(url: string): string {
  return url.replace(/^ws(s?):\/\//, 'http$1://');
}

export function createLivekit(config: LivekitConfig, log: FastifyBaseLogger): Livekit {
  const rooms = new RoomServiceClient(httpUrlOf(config.url), config.apiKey, config.apiSecret, {
    requestTimeout: ROOM_API_TIMEOUT_SECONDS,
  });
  const receiver = new WebhookReceiver(config.apiKey, config.apiSecret);
  return {
    url: config.url.replace(/^http(s?):\/\//, 'ws$1://'),
    async ensureRoom(roomName) {
      try {
        // empty_timeout: how long the room waits for a first participant; departure_timeout: after the last one leaves.
        await rooms.createRoom({ name: roomName, emptyTimeout: 600, departureTimeout: 20, maxParticipants: 6 });
      } catch (error) {
        log.warn({ err: error, roomName }, 'could not create the LiveKit room; it will be created when someone joins');
      }
    },
    async deleteRoom(roomName) {
      try {
        await rooms.deleteRoom(roomName);
      } catch (error) {
        if ((error as { status?: number }).status === 404) return;
        log.warn({ err: error, roomName }, 'could not delete the LiveKit room; its departure timeout will close it');
      }
    },
    async mintToken(grant) {
      const token = new AccessToken(config.apiKey, config.apiSecret, {
        identity: grant.identity,
        name: grant.name,
        ttl: grant.ttlSeconds,
      });
      token.addGrant({
        room: grant.roomName,
        roomJoin: true,
        canPublish: grant.canPublishSources.length > 0,
        canPublishSources: grant.canPublishSources.map((source) => trackSources[source]),
        canSubscribe: grant.canSubscribe,
        canPublishData: false,
        canUpdateOwnMetadata: false,
      });
      return { token: await token.toJwt(), expiresAt: new Date(Date.now() + grant.ttlSeconds * 1000) };
    },
    receiveWebhook(rawBody, authorization) {
      return receiver.receive(rawBody, authorization);
    },
  };
}

export default fp<{ livekit: LivekitConfig | null }>(
  async (app, options) => {
    if (!options.livekit) {
      app.log.warn('LIVEKIT_URL is not set: calls work as a state machine but no video token can be issued');
      app.decorate('livekit', null);
      return;
    }
    app.decorate('livekit', createLivekit(options.livekit, app.log));
  },
  { name: 'livekit' },
);
