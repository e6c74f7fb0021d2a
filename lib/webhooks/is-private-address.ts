import { BlockList, isIP } from "node:net";

// Addresses a webhook must never reach: they lead into this server's own host or network, or to no
// single host at all. One list per family: a BlockList matches IPv4 addresses against IPv6 rules in
// their mapped form, so ::ffff:0:0/96 in a shared list would block every IPv4 address.
const blockedIpv4 = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], // "this network", the unspecified address
  ["10.0.0.0", 8], // private
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8], // loopback
  ["169.254.0.0", 16], // link-local (cloud metadata services live here)
  ["172.16.0.0", 12], // private
  ["192.168.0.0", 16], // private
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const) {
  blockedIpv4.addSubnet(network, prefix, "ipv4");
}
const blockedIpv6 = new BlockList();
for (const [network, prefix] of [
  ["::", 96], // unspecified, loopback and the deprecated IPv4-compatible forms
  ["::ffff:0:0", 96], // IPv4-mapped: a public peer is named by its IPv4 address, never this way
  ["fc00::", 7], // unique-local
  ["fe80::", 10], // link-local
  ["ff00::", 8], // multicast
] as const) {
  blockedIpv6.addSubnet(network, prefix, "ipv6");
}

/** Whether `address` (an IP literal, IPv6 without brackets) is loopback, private, link-local, CGNAT, multicast or unspecified. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  return family === 4 ? blockedIpv4.check(address, "ipv4") : blockedIpv6.check(address, "ipv6");
}
