/**
 * The one query shape the stores need, small enough that each backend translates it to an
 * index-served query (SQLite expression indexes; Cosmos range indexes) and nothing else:
 * optionally one partition, an AND of conditions (one of which may be an OR of ANDs), an order
 * and a limit.
 */

/** The field names of a document type, spread over a union (a chats document is one of five kinds). */
export type FieldOf<D> = D extends unknown ? Extract<keyof D, string> : never;

/** A value a condition compares a field with. */
export type FieldValue = string | number;

/** One condition on a document field. */
export type Condition<D> =
  | { field: FieldOf<D>; equals: FieldValue }
  /** The field is present and ≤ the value (a missing field never matches). */
  | { field: FieldOf<D>; atMost: FieldValue }
  /** The field is missing (or null), or ≤ the value. */
  | { field: FieldOf<D>; absentOrAtMost: FieldValue }
  | { field: 'id'; in: readonly string[] };

/** A condition, or an OR of alternatives, each an AND of conditions. */
export type Clause<D> = Condition<D> | { anyOf: ReadonlyArray<ReadonlyArray<Condition<D>>> };

/** One sort key: ascending unless `descending`. Missing values sort first ascending (as SQLite's NULL). */
export interface SortKey<D> {
  field: FieldOf<D>;
  descending?: boolean;
}

/** A query: documents of `partition` (all partitions if absent) matching every clause of `where`. */
export interface DocumentQuery<D> {
  partition?: string;
  where: ReadonlyArray<Clause<D>>;
  orderBy?: ReadonlyArray<SortKey<D>>;
  /** At most this many documents, after ordering. */
  limit?: number;
}

/** Field names go into query text (never values), so only plain identifiers are allowed; `_` is the backends' own. */
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9]*$/;

/** Throws if `field` could not be written safely into a query. */
export function assertFieldName(field: string): void {
  if (!FIELD_NAME.test(field)) throw new Error(`'${field}' cannot be queried: fields are plain identifiers`);
}

/**
 * Orders documents by `orderBy` the way SQLite's ORDER BY does, so a backend that sorts in memory
 * (Cosmos, which would need a composite index per multi-field ORDER BY) answers in the same order:
 * missing values first, numbers by value, strings by code unit (SQLite's BINARY collation).
 */
export function compareByKeys<D>(orderBy: ReadonlyArray<SortKey<D>>): (a: D, b: D) => number {
  return (a, b) => {
    for (const { field, descending } of orderBy) {
      const order = compareValues(fieldValue(a, field), fieldValue(b, field));
      if (order !== 0) return descending ? -order : order;
    }
    return 0;
  };
}

/** A document's value of `field`, or undefined. */
export function fieldValue<D>(document: D, field: string): unknown {
  return (document as Record<string, unknown>)[field];
}

function compareValues(a: unknown, b: unknown): number {
  const rankA = rank(a);
  const rankB = rank(b);
  if (rankA !== rankB) return rankA - rankB;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const textA = String(a);
  const textB = String(b);
  return textA < textB ? -1 : textA > textB ? 1 : 0;
}

/** SQLite's order of types: NULL, then numbers, then text. */
function rank(value: unknown): number {
  if (value === undefined || value === null) return 0;
  return typeof value === 'number' ? 1 : 2;
}
