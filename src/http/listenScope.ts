/** Who can reach a server listening on `host`: this machine, one network interface, or every one. */
export type ListenScope = 'loopback' | 'interface' | 'everywhere';

/** Reads an address to listen on (127.0.0.1, ::1, localhost, 0.0.0.0, ::, or one interface's address) as its scope. */
export function listenScope(host: string): ListenScope {
  if (host === '0.0.0.0' || host === '::') return 'everywhere';
  if (host === 'localhost' || host === '::1' || /^127\./.test(host)) return 'loopback';
  return 'interface';
}

/** The host name that reaches a server listening on `host` from this machine: loopback for "every interface". */
export function reachableHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
