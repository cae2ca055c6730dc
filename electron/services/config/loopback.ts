// What counts as this machine. The agent checks its peers with isLoopbackAddress; the station's
// configuration allows plain http:// only to a loopback host (isLoopbackHostname), because on any
// other network path the signed envelope, the ID numbers in it and the platform's answers would
// travel readable and alterable.
import net from 'node:net';

/** 127.0.0.0/8, ::1 and their IPv4-mapped IPv6 forms; everything else is a remote machine. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (net.isIPv4(v4)) return v4.split('.')[0] === '127';
  if (!net.isIPv6(address)) return false;
  return address === '::1' || address === '0:0:0:0:0:0:0:1';
}

/** A URL's hostname (as WHATWG URL normalises it: lower case, IPv4 in dotted form, IPv6 in
 * brackets) that names this machine: localhost, 127.0.0.0/8 or [::1]. */
export function isLoopbackHostname(hostname: string): boolean {
  if (hostname === 'localhost') return true;
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return isLoopbackAddress(bare);
}
