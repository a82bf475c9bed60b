/**
 * Reads an Adaptive Card the way a person looks at it: the visible text, top to bottom. The card's
 * `fallbackText` and `speak` are made from these lines, tests assert on them, and the demo prints
 * them, so none of them depends on the card's layout.
 */
export function cardLines(card: unknown): string[] {
  const lines: string[] = [];
  walk(card, lines);
  return lines;
}

function walk(node: unknown, lines: string[]): void {
  if (Array.isArray(node)) return node.forEach((child) => walk(child, lines));
  if (typeof node !== 'object' || node === null) return;
  const record = node as Record<string, unknown>;
  switch (record['type']) {
    case 'TextBlock':
      lines.push(String(record['text'] ?? ''));
      return;
    case 'RichTextBlock':
      lines.push(((record['inlines'] as Array<{ text?: string }> | undefined) ?? []).map((inline) => inline.text ?? '').join(''));
      return;
    case 'FactSet':
      for (const fact of (record['facts'] as Array<{ title: string; value: string }> | undefined) ?? []) lines.push(`${fact.title}: ${fact.value}`);
      return;
    case 'ColumnSet': {
      const columns = (record['columns'] as Array<{ items?: unknown[] }> | undefined) ?? [];
      const parts = columns.map((column) => {
        const inner: string[] = [];
        walk(column.items ?? [], inner);
        return inner.join(' ');
      });
      lines.push(parts.filter(Boolean).join(' | '));
      return;
    }
    default:
      for (const key of ['body', 'items']) if (key in record) walk(record[key], lines);
  }
}
