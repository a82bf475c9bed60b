import type { Action, Decision, Series } from '../../domain/types';

/**
 * How domain records sit in the `chats` container. All three kinds share a partition per series
 * (`/seriesId`), told apart by `type`; the series document is its own partition's anchor, so its
 * `seriesId` is its own id.
 */
export type ChatDocument = SeriesDocument | ActionDocument | DecisionDocument;

/** A series as stored: the record plus its partition key and discriminator. */
export type SeriesDocument = Series & { seriesId: string; type: 'series' };
/** An action as stored. */
export type ActionDocument = Action & { type: 'action' };
/** A decision as stored. */
export type DecisionDocument = Decision & { type: 'decision' };

/** Adds the partition key and discriminator a series needs to live in the `chats` container. */
export function seriesDocument(series: Series): SeriesDocument {
  return { ...series, seriesId: series.id, type: 'series' };
}

/** Adds the discriminator an action needs to live in the `chats` container. */
export function actionDocument(action: Action): ActionDocument {
  return { ...action, type: 'action' };
}

/** Adds the discriminator a decision needs to live in the `chats` container. */
export function decisionDocument(decision: Decision): DecisionDocument {
  return { ...decision, type: 'decision' };
}

/** Turns a stored series document back into the domain record. */
export function seriesFromDocument(document: SeriesDocument): Series {
  return withoutStorageFields<Series>(document, ['seriesId', 'type']);
}

/** Turns a stored action document back into the domain record. */
export function actionFromDocument(document: ActionDocument): Action {
  return withoutStorageFields<Action>(document, ['type']);
}

/** Turns a stored decision document back into the domain record. */
export function decisionFromDocument(document: DecisionDocument): Decision {
  return withoutStorageFields<Decision>(document, ['type']);
}

/**
 * Drops what only storage needs: the fields this module added, and the ones Cosmos adds to every
 * document (`_rid`, `_self`, `_etag`, `_ts`, `_attachments`, maybe more). Cosmos reserves the
 * leading underscore and no domain field uses one, so anything so named goes.
 */
export function withoutStorageFields<T>(document: object, added: readonly string[] = []): T {
  return Object.fromEntries(
    Object.entries(document).filter(([name]) => !name.startsWith('_') && !added.includes(name)),
  ) as T;
}
