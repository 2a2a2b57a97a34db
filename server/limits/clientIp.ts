/** An IPv4 address as IPv4, also when a dual-stack socket reports it IPv6-mapped (::ffff:1.2.3.4). */
export const plainIp = (ip: string): string => (ip.startsWith('::ffff:') && ip.includes('.') ? ip.slice(7) : ip);

/**
 * The client's address as Express reads it with `trust proxy` set to a number of hops: the
 * socket's peer, or with `hops` proxies in front, the address that many entries from the right
 * of X-Forwarded-For (the nearest proxies' own entries are skipped; anything further left is
 * whatever the client wrote, so it is never believed). 0 hops: the header is ignored.
 */
export function clientIp(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, hops: number): string {
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
  const chain = [
    socketAddress ?? '',
    ...header
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean)
      .reverse(),
  ];
  return plainIp(chain[Math.min(hops, chain.length - 1)] || 'unknown');
}
