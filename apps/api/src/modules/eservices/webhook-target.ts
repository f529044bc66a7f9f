// Where a clerk's webhook URL may point. A webhook makes Palier's servers call a URL a clerk typed: without a check it
// could reach the servers' own network (the database, Redis, a cloud's metadata service: SSRF). So, unless the
// ESERVICE_WEBHOOK_ALLOW_PRIVATE flag is on (tests, the local demo), only https to public unicast addresses. The host is
// checked when the URL is saved, and again at every send on the very address connected to: DNS can change in between.
import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

export interface WebhookTargetPolicy {
  /** On: any http(s) URL, private and loopback addresses included. Off (production): https to public addresses only. */
  allowPrivateTargets: boolean;
}

/** The kind of a forbidden IP address ("loopback", "private"…), or null when it is a public unicast address. */
export function forbiddenRange(address: string): string | null {
  if (!ipaddr.isValid(address)) return 'invalid';
  let parsed = ipaddr.parse(address);
  // ::ffff:127.0.0.1 is 127.0.0.1.
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  // Everything ipaddr.js does not call "unicast" (private, loopback, link-local, unique-local, carrier-grade NAT,
  // multicast, reserved, 6to4/Teredo tunnels that can wrap a private address…) is refused.
  const range = parsed.range();
  return range === 'unicast' ? null : range;
}

/** Why a host name may not be used, given the addresses it resolves to; null when all are public. */
function resolvedProblem(host: string, addresses: LookupAddress[]): string | null {
  for (const { address } of addresses) {
    const range = forbiddenRange(address);
    if (range) return `${host} resolves to ${address}, a ${range} address`;
  }
  return null;
}

function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/** What can be said of a URL without DNS: its scheme, and its host when it is an IP address or localhost. */
export function webhookUrlProblem(raw: string, policy: WebhookTargetPolicy): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'is not a URL';
  }
  if (url.protocol !== 'https:' && !(policy.allowPrivateTargets && url.protocol === 'http:')) return 'must start with https://';
  if (policy.allowPrivateTargets) return null;
  if (url.username || url.password) return 'must not carry a user name or password';
  // Names (localhost included) are checked on what they resolve to, at save and at send.
  const host = hostOf(url);
  const range = isIP(host) ? forbiddenRange(host) : null;
  return range ? `${host} is a ${range} address` : null;
}

function resolveAll(host: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) =>
    dnsLookup(host, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))),
  );
}

/**
 * The check made when a clerk saves the URL: webhookUrlProblem, then every address the name resolves to now. A name
 * that does not resolve yet is accepted (the town hall may set its DNS later): each send checks again.
 */
export async function checkWebhookUrl(raw: string, policy: WebhookTargetPolicy): Promise<string | null> {
  const problem = webhookUrlProblem(raw, policy);
  if (problem || policy.allowPrivateTargets) return problem;
  const host = hostOf(new URL(raw));
  if (isIP(host)) return null;
  const addresses = await resolveAll(host).catch(() => [] as LookupAddress[]);
  return resolvedProblem(host, addresses);
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for node:http(s) that resolves as usual and refuses to hand over a forbidden address, so the socket only
 * ever connects to an address that passed the check (no window for a DNS change between check and connection).
 */
export function publicOnlyLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true } as LookupAllOptions, (error, addresses) => {
    if (error) return callback(error, '');
    const problem = addresses.length === 0 ? `${hostname} resolves to nothing` : resolvedProblem(hostname, addresses);
    if (problem) {
      const refusal: NodeJS.ErrnoException = new Error(`refused: ${problem}`);
      refusal.code = 'EWEBHOOKTARGET';
      return callback(refusal, '');
    }
    if (options.all) return callback(null, addresses);
    const first = addresses[0] as LookupAddress;
    return callback(null, first.address, first.family);
  });
}
