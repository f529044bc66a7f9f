// Which agents of a landlord are available to take calls: presence, kept in Redis (rebuildable) or in this process.
import type { RedisClient } from '../../plugins/redis';

/** An agent who sets themselves available stays so for a working day unless they say otherwise. */
export const AVAILABILITY_TTL_MS = 10 * 3_600_000;

export interface AgentPresence {
  set(organisationId: string, staffId: string, available: boolean, now?: number): Promise<void>;
  isAvailable(organisationId: string, staffId: string, now?: number): Promise<boolean>;
  count(organisationId: string, now?: number): Promise<number>;
}

/** A sorted set per organisation: member = staff id, score = when their availability lapses. */
export function redisAgentPresence(redis: RedisClient, key: (...parts: string[]) => string): AgentPresence {
  const setKey = (organisationId: string) => key('calls', 'agents', organisationId);
  return {
    async set(organisationId, staffId, available, now = Date.now()) {
      if (available) await redis.zAdd(setKey(organisationId), { score: now + AVAILABILITY_TTL_MS, value: staffId });
      else await redis.zRem(setKey(organisationId), staffId);
      await redis.zRemRangeByScore(setKey(organisationId), '-inf', now);
    },
    async isAvailable(organisationId, staffId, now = Date.now()) {
      const score = await redis.zScore(setKey(organisationId), staffId);
      return score !== null && score > now;
    },
    async count(organisationId, now = Date.now()) {
      return redis.zCount(setKey(organisationId), now + 1, '+inf');
    },
  };
}

export function localAgentPresence(): AgentPresence {
  const until = new Map<string, number>();
  const entry = (organisationId: string, staffId: string) => `${organisationId}:${staffId}`;
  return {
    async set(organisationId, staffId, available, now = Date.now()) {
      if (available) until.set(entry(organisationId, staffId), now + AVAILABILITY_TTL_MS);
      else until.delete(entry(organisationId, staffId));
    },
    async isAvailable(organisationId, staffId, now = Date.now()) {
      return (until.get(entry(organisationId, staffId)) ?? 0) > now;
    },
    async count(organisationId, now = Date.now()) {
      let count = 0;
      for (const [key, lapse] of until) if (key.startsWith(`${organisationId}:`) && lapse > now) count += 1;
      return count;
    },
  };
}
