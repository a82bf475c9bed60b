/** Matches the Agents Toolkit's `${{VAR}}` placeholders. */
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Variables that may legitimately be empty: production drops the name suffix ("Meeting Actions", not "… dev"). */
const MAY_BE_EMPTY = new Set(['APP_NAME_SUFFIX']);

/** The variable names a template refers to, each once, in order of first use. */
export function placeholderNames(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))];
}

/**
 * Replaces every `${{VAR}}` with its value. Throws naming every variable that is missing or empty,
 * because a manifest with a blank app id or domain is rejected by Teams with a far vaguer message.
 */
export function resolvePlaceholders(template: string, values: ReadonlyMap<string, string>, source: string): string {
  const unresolved = placeholderNames(template).filter((name) => {
    const value = values.get(name);
    return value === undefined || (value === '' && !MAY_BE_EMPTY.has(name));
  });
  if (unresolved.length > 0) {
    throw new Error(
      `Unresolved placeholder(s) ${unresolved.map((n) => `\${{${n}}}`).join(', ')}: set ` +
        `${unresolved.join(', ')} in ${source} (provisioning with the Agents Toolkit writes them; ` +
        'see docs/DEPLOY.md for setting them by hand).',
    );
  }
  return template.replace(PLACEHOLDER, (_match, name: string) => values.get(name) ?? '');
}
