/**
 * Shares one read among the requests that arrive within a short window: a meeting tab is open on
 * every attendee's screen and each one polls, so a chat of 600 polling every few seconds costs one
 * read of the chat per window, not 600. A change made through this process forgets the chat's entry
 * so its own page sees the change at once; changes made elsewhere show within the window.
 */
export class RecentReads<T> {
  private readonly entries = new Map<string, { at: number; value: Promise<T> }>();

  constructor(
    private readonly windowMs: number,
    private readonly nowMs: () => number = () => Date.now(),
    private readonly maxEntries = 1000,
  ) {}

  /** The value read for `key` within the window, else a fresh read (shared with requests arriving meanwhile). */
  get(key: string, read: () => Promise<T>): Promise<T> {
    const now = this.nowMs();
    const entry = this.entries.get(key);
    if (entry && now - entry.at < this.windowMs) return entry.value;
    const value = read();
    // A failed read is not remembered: the next request tries again.
    value.catch(() => this.entries.get(key)?.value === value && this.entries.delete(key));
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { at: now, value });
    return value;
  }

  /** Forgets the entry for `key` (after a change). */
  forget(key: string): void {
    this.entries.delete(key);
  }
}
