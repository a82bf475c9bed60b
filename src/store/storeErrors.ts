/**
 * What a store says when a write cannot be made as asked. Every store implementation throws these
 * two and nothing store-specific, so services can retry a race or tell the user the record is
 * unavailable without knowing which database is behind the port.
 */

/** A write quoted an etag that is no longer current (or created a record that already exists). */
export class ConcurrencyError extends Error {
  constructor(what: string) {
    super(`${what} was changed by someone else; read it again and retry`);
    this.name = 'ConcurrencyError';
  }
}

/** The store could not be reached or refused the operation for a reason retrying later may fix. */
export class StoreUnavailableError extends Error {
  constructor(message: string, override readonly cause?: unknown, readonly diagnostics?: Record<string, unknown>) {
    super(message);
    this.name = 'StoreUnavailableError';
  }
}

/**
 * A batch (`ChatRecords.writeTogether`) was refused: the write at `index` found its record existing
 * (`exists`) or changed or gone (`changed`). A `ConcurrencyError`, so read-modify-write loops retry it.
 */
export class BatchWriteRefused extends ConcurrencyError {
  constructor(
    readonly index: number,
    readonly reason: 'exists' | 'changed',
  ) {
    super(`write ${index} of a batch (${reason})`);
    this.name = 'BatchWriteRefused';
  }
}
