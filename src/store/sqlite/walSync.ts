import { open } from 'node:fs/promises';
import type Database from 'better-sqlite3';

/** How long a `soon` write may wait for the disk at most (after it, the log is synced). */
export const SOON_SYNC_DELAY_MS = 1000;

/**
 * Commits that need not wait for the disk (`Durability` `soon`) on the one connection: such a
 * write runs at synchronous=NORMAL (its WAL frames are written, not synced, so a crash of the
 * process cannot undo it but a power cut can), and the WAL file is synced within
 * `SOON_SYNC_DELAY_MS` by an fsync off the event loop, unless a commit that waits for the disk
 * (which syncs every frame before it) came first. The connection is back at FULL afterwards.
 */
export class WalSync {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Database.Database,
    /** Syncs the WAL file; replaced in tests. */
    private readonly syncLog: () => Promise<void> = () => syncFile(`${db.name}-wal`),
  ) {}

  /** Runs one write (a single statement, outside any transaction) that may reach the disk a little later. */
  soon<T>(write: () => T): T {
    this.db.pragma('synchronous = NORMAL');
    try {
      return write();
    } finally {
      this.db.pragma('synchronous = FULL');
      this.syncLater();
    }
  }

  /** Syncs now what is waiting, and stops the timer (the connection is closing). */
  async close(): Promise<void> {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.syncLog();
  }

  private syncLater(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // Nothing is waiting on it, and a failed sync leaves the write where a NORMAL commit is.
      this.syncLog().catch(() => undefined);
    }, SOON_SYNC_DELAY_MS);
    // A process that ends cleanly has nothing to lose: only a power cut undoes an unsynced write.
    this.timer.unref();
  }
}

/** fsync of a file by a handle of its own (fsync syncs the file, whoever wrote it); a file gone is nothing to sync. */
async function syncFile(path: string): Promise<void> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch {
    return;
  }
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
