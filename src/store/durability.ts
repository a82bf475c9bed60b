/**
 * When a write must be on disk. `now` (every write unless it says otherwise): before the call
 * returns, so it survives a crash and a power cut. `soon`: a crash of the process cannot undo it,
 * but a power cut in the next second or so may (SQLite commits it without waiting for the disk and
 * syncs the log within a second; Cosmos DB makes every write durable before it answers, so there
 * it is `now`). Only for writes whose loss the bot repairs (a pointless reminder job, deleted when it
 * fires) or that record where a card copy was posted.
 */
export type Durability = 'now' | 'soon';
