import { cardLines } from '../src/cards/cardLines';

/**
 * Reads an Adaptive Card the way a person looks at it: the visible text, top to bottom, and the
 * buttons. Tests assert on this and the demo prints it, so neither depends on the card's layout.
 */
export function cardText(card: unknown): string[] {
  return cardLines(card);
}

/** The titles of a card's top-level buttons. */
export function cardButtons(card: unknown): string[] {
  const actions = (card as { actions?: Array<{ title?: string }> }).actions ?? [];
  return actions.map((action) => action.title ?? '');
}

/** Finds the `Action.Execute` with this verb anywhere in the card (including inside show-cards). */
export function findExecute(card: unknown, verb: string): { verb: string; data: Record<string, unknown> } | undefined {
  let found: { verb: string; data: Record<string, unknown> } | undefined;
  const visit = (node: unknown): void => {
    if (found || typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (record['type'] === 'Action.Execute' && record['verb'] === verb) {
      found = { verb, data: (record['data'] ?? {}) as Record<string, unknown> };
      return;
    }
    for (const value of Object.values(record)) {
      if (Array.isArray(value)) value.forEach(visit);
      else visit(value);
    }
  };
  visit(card);
  return found;
}

/** The data of the card's first `Action.Submit` (a dialog's Save), which Teams sends back merged with the inputs. */
export function findSubmit(card: unknown): Record<string, unknown> | undefined {
  if (Array.isArray(card)) {
    for (const child of card) {
      const found = findSubmit(child);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof card !== 'object' || card === null) return undefined;
  const record = card as Record<string, unknown>;
  if (record['type'] === 'Action.Submit') return (record['data'] ?? {}) as Record<string, unknown>;
  return findSubmit(Object.values(record));
}

/** Finds the input with this id anywhere in the card (the body, containers, show-cards). */
export function findInput(card: unknown, id: string): Record<string, unknown> | undefined {
  if (Array.isArray(card)) {
    for (const child of card) {
      const found = findInput(child, id);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof card !== 'object' || card === null) return undefined;
  const record = card as Record<string, unknown>;
  if (typeof record['type'] === 'string' && record['type'].startsWith('Input.') && record['id'] === id) return record;
  return findInput(Object.values(record), id);
}
