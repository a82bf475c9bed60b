import net from 'node:net';

/** Connections a guarded test tried to open to anything but this machine, all refused. */
export interface NetworkGuard {
  /** `host:port` of every refused attempt, in order. */
  refused: string[];
  /** Puts `net.Socket.prototype.connect` back. */
  restore(): void;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * Refuses every TCP connection that would leave the machine, and records it. Every client in the
 * process (fetch, http, the Bot Framework's and Azure SDKs' HTTP clients) ends in
 * `Socket.prototype.connect`, so a test that asserts `refused` is empty proves it made no network call.
 */
export function guardNetwork(): NetworkGuard {
  const refused: string[] = [];
  const original = net.Socket.prototype.connect;
  const guarded = function (this: net.Socket, ...args: unknown[]): net.Socket {
    const { host, port, path } = destination(args);
    if (path !== undefined || LOOPBACK.has(host)) return (original as (...a: unknown[]) => net.Socket).apply(this, args);
    refused.push(`${host}:${String(port)}`);
    // Fail the way an unreachable host does, asynchronously, so callers take their normal error path.
    const error = Object.assign(new Error(`test network guard: connection to ${host}:${String(port)} refused`), { code: 'ECONNREFUSED' });
    setImmediate(() => this.destroy(error));
    return this;
  };
  net.Socket.prototype.connect = guarded as typeof net.Socket.prototype.connect;
  return { refused, restore: () => void (net.Socket.prototype.connect = original) };
}

/** Reads host, port or path from any of `connect`'s call shapes (Node passes normalised args as one array). */
function destination(args: unknown[]): { host: string; port: unknown; path?: string } {
  const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
  if (first !== null && typeof first === 'object') {
    // http's agent passes `path: null` for TCP; only a string path is a local (Unix) socket.
    const options = first as { host?: string | null; port?: unknown; path?: string | null };
    return { host: options.host ?? 'localhost', port: options.port, ...(typeof options.path === 'string' ? { path: options.path } : {}) };
  }
  if (typeof first === 'string' && Number.isNaN(Number(first))) return { host: 'localhost', port: undefined, path: first };
  return { host: typeof args[1] === 'string' ? args[1] : 'localhost', port: first };
}
