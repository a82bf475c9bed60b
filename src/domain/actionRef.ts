/** How people write an action's reference: `A-12`. */
export function formatActionRef(number: number): string {
  return `A-${number}`;
}

/**
 * Reads a typed reference: `A-12`, `a12`, `A 12`, `#12` or `12`. Lenient because people type it
 * from memory in a chat box; returns undefined when it is not a reference at all.
 */
export function parseActionRef(text: string): number | undefined {
  const match = /^(?:a\s*-?\s*|#)?(\d{1,7})$/i.exec(text.trim());
  if (!match?.[1]) return undefined;
  const number = Number(match[1]);
  return number > 0 ? number : undefined;
}
