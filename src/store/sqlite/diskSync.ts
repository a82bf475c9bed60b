import { type FileHandle, open } from 'node:fs/promises';
import type Database from 'better-sqlite3';
import type { Durability } from '../durability';
import { StoreUnavailableError } from '../storeErrors';

/** How long a `soon` write may wait for the disk at most (after it, the log is synced). */
export const SOON_SYNC_DELAY_MS = 1000;

/** Tuning and diagnosis of `DiskSync`. */
export interface DiskSyncOptions {
  /** Syncs the WAL file to disk; by default an fdatasync of `<file>-wal` on libuv's pool. */
  syncLog?: () => Promise<void>;
  /** How long a `soon` write may wait for the disk (tests lengthen it). */
  soonDelayMs?: number;
  /** Called as each sync of the log starts: for diagnosis, and the test that counts them. */
  onSync?: () => void;
}

/**
 * Group commit for the one connection to the data file. Commits run at synchronous=NORMAL, so
 * SQLite writes their WAL frames without waiting for the disk and the event loop is never blocked
 * by an fsync. A write that must be durable (`now`) then awaits a sync of the WAL file that started
 * after its commit, run on libuv's thread pool; writes committed while one sync runs share the
 * next. Until it resolves nothing has been acknowledged, so a write is on disk before anyone hears
 * of it, as with synchronous=FULL. A read waits the same way when it may have seen a `now` write
 * not yet on disk (another turn's, or another process's), so no turn acts on data a power cut
 * could take back. A `soon` write is not waited for: the log is synced within `soonDelayMs`, or
 * sooner by any sync that follows it.
 */
export class DiskSync {
  /** Commits made through this connection, plus other processes' commits noticed by a read. */
  private written = 0;
  /** The last of those that someone must not see before it is on disk (`now` writes, others' commits). */
  private mustSync = 0;
  /** `written` as it stood when the last completed sync started: everything up to it is on disk. */
  private synced = 0;
  private running: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private seenVersion: number;
  private readonly syncLog: () => Promise<void>;
  private readonly soonDelayMs: number;
  private readonly version: Database.Statement<[], number>;
  private readonly log: WalFile;

  constructor(
    private readonly db: Database.Database,
    private readonly options: DiskSyncOptions = {},
  ) {
    this.log = new WalFile(`${db.name}-wal`);
    this.syncLog = options.syncLog ?? (() => this.log.sync());
    this.soonDelayMs = options.soonDelayMs ?? SOON_SYNC_DELAY_MS;
    this.version = db.prepare<[], number>('PRAGMA data_version').pluck();
    // The file was opened (and migrated) at FULL; from here on this class does the waiting.
    db.pragma('synchronous = NORMAL');
    this.seenVersion = this.dataVersion();
  }

  /** After a commit: resolves once it is on disk (`now`), or at once, with a sync due soon (`soon`). */
  async committed(durability: Durability): Promise<void> {
    this.written += 1;
    if (durability === 'soon') {
      this.syncWithin(this.soonDelayMs);
      return;
    }
    this.mustSync = this.written;
    await this.syncedUpTo(this.written);
  }

  /** After a read: resolves once every `now` write it may have seen, this process's or another's, is on disk. */
  async read(): Promise<void> {
    const version = this.dataVersion();
    if (version !== this.seenVersion) {
      // Another connection committed since the last look; an fsync of the file covers its frames too.
      this.seenVersion = version;
      this.written += 1;
      this.mustSync = this.written;
    }
    if (this.synced < this.mustSync) await this.syncedUpTo(this.mustSync);
  }

  /** Syncs whatever is waiting (the connection is closing) and lets go of the log file. */
  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    try {
      if (this.synced < this.written) await this.syncedUpTo(this.written);
    } finally {
      await this.log.close();
    }
  }

  private async syncedUpTo(commit: number): Promise<void> {
    while (this.synced < commit) await this.syncOnce();
  }

  /** The sync running now, or a new one covering every commit made so far. */
  private syncOnce(): Promise<void> {
    if (!this.running) {
      const upTo = this.written;
      this.options.onSync?.();
      this.running = this.syncLog()
        .then(
          () => {
            this.synced = Math.max(this.synced, upTo);
          },
          (error: unknown) => {
            throw new StoreUnavailableError(`SQLite store could not sync its log to disk: ${(error as Error).message}`, error);
          },
        )
        .finally(() => {
          this.running = undefined;
        });
    }
    return this.running;
  }

  private syncWithin(delayMs: number): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // Nobody waits on it; a sync that fails leaves the write where a NORMAL commit is, and the next is tried.
      if (this.synced < this.written) this.syncedUpTo(this.written).catch(() => undefined);
    }, delayMs);
    // A process that ends cleanly loses nothing: only a power cut undoes a write not yet synced.
    this.timer.unref();
  }

  private dataVersion(): number {
    return this.version.get() ?? 0;
  }
}

/**
 * The WAL file, held open for fdatasync (which syncs the file, whoever wrote it), so a sync costs
 * one call to libuv's pool. Holding it is safe: SQLite deletes the WAL only when the last connection
 * to the file closes, and ours stays open until this is closed. Until the first commit there is no
 * WAL, and nothing to sync.
 */
class WalFile {
  private handle: Promise<FileHandle | undefined> | undefined;

  constructor(private readonly path: string) {}

  async sync(): Promise<void> {
    this.handle ??= open(this.path, 'r').catch((error: NodeJS.ErrnoException) => {
      this.handle = undefined;
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    await (await this.handle)?.datasync();
  }

  async close(): Promise<void> {
    const handle = await this.handle?.catch(() => undefined);
    this.handle = undefined;
    await handle?.close();
  }
}
