/**
 * A reader for the small subset of Bicep that infra/azure.bicep uses: enough to find a resource, a
 * parameter default or a property's expression, so tests can check the template without a compiler.
 */

/** A `resource` declaration: symbolic name, type, API version and its body text. */
export interface BicepResource {
  symbol: string;
  type: string;
  apiVersion: string;
  body: string;
}

/** Removes `//` comments so that words in a comment can never satisfy an assertion. */
export function stripComments(bicep: string): string {
  return bicep.replace(/(^|[^:'])\/\/.*$/gm, '$1');
}

/** The text from an opening bracket to its matching close, ignoring brackets inside '…' strings. */
export function balanced(text: string, open: number): string {
  const pairs: Record<string, string> = { '{': '}', '[': ']', '(': ')' };
  const stack: string[] = [];
  let inString = false;
  for (let i = open; i < text.length; i += 1) {
    const ch = text[i] ?? '';
    if (ch === "'" && text[i - 1] !== '\\') inString = !inString;
    if (inString) continue;
    if (pairs[ch]) stack.push(pairs[ch]);
    else if (ch === stack[stack.length - 1]) {
      stack.pop();
      if (stack.length === 0) return text.slice(open, i + 1);
    }
  }
  throw new Error(`unbalanced bracket at offset ${open}`);
}

/** Every resource declaration in the template, in order. */
export function resources(bicep: string): BicepResource[] {
  const text = stripComments(bicep);
  const declaration = /^resource\s+(\w+)\s+'([^'@]+)@([^']+)'\s*=\s*([[{])/gm;
  return [...text.matchAll(declaration)].map((m) => ({
    symbol: m[1] ?? '',
    type: m[2] ?? '',
    apiVersion: m[3] ?? '',
    body: balanced(text, (m.index ?? 0) + m[0].length - 1),
  }));
}

/** The one resource of a type; throws if there is none or more than one. */
export function resourceOfType(bicep: string, type: string): BicepResource {
  const found = resources(bicep).filter((r) => r.type === type);
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0] as BicepResource;
}

/** The expression assigned to the first `key:` in a body (nested or not), as written. */
export function property(body: string, key: string): string | undefined {
  const match = new RegExp(`(?:^|[\\s{,])${key}:\\s*`, 'm').exec(body);
  if (!match) return undefined;
  const start = match.index + match[0].length;
  const first = body[start];
  if (first === '{' || first === '[') return balanced(body, start);
  return scalarAt(body, start);
}

/** An expression up to the end of its line, or to the `,` `}` `]` that closes a one-line object around it. */
function scalarAt(text: string, start: number): string {
  let depth = 0;
  let inString = false;
  let end = start;
  for (; end < text.length; end += 1) {
    const ch = text[end] ?? '';
    if (ch === "'") inString = !inString;
    if (inString) continue;
    if (ch === '\n' || (depth === 0 && (ch === ',' || ch === '}' || ch === ']'))) break;
    if (ch === '{' || ch === '[' || ch === '(') depth += 1;
    if (ch === '}' || ch === ']' || ch === ')') depth -= 1;
  }
  return text.slice(start, end).trim();
}

/** The default value expression of a `param`, or undefined when it has none. */
export function paramDefault(bicep: string, name: string): string | undefined {
  const text = stripComments(bicep);
  const match = new RegExp(`^param\\s+${name}\\s+\\w+\\s*=\\s*`, 'm').exec(text);
  if (!match) return undefined;
  const start = match.index + match[0].length;
  return text[start] === '[' || text[start] === '{' ? balanced(text, start) : /^.*$/m.exec(text.slice(start))?.[0].trim();
}

/** Names of every declared `param`. */
export function paramNames(bicep: string): string[] {
  return [...stripComments(bicep).matchAll(/^param\s+(\w+)\s/gm)].map((m) => m[1] ?? '');
}

/** Names of every declared `output`. */
export function outputNames(bicep: string): string[] {
  return [...stripComments(bicep).matchAll(/^output\s+(\w+)\s/gm)].map((m) => m[1] ?? '');
}

/** The `{ … }` object literals directly inside an array literal, each as a map of its `key: 'string'` entries. */
export function objectsInArray(arrayText: string): Array<Record<string, string>> {
  const objects: Array<Record<string, string>> = [];
  for (let i = 1; i < arrayText.length - 1; i += 1) {
    if (arrayText[i] !== '{') continue;
    const object = balanced(arrayText, i);
    // Each value is the whole expression after its key (a ternary, a function call), not just its first word.
    const entries = [...object.matchAll(/(\w+):\s*/g)].map((m) => [m[1] ?? '', scalarAt(object, (m.index ?? 0) + m[0].length)]);
    objects.push(Object.fromEntries(entries));
    i += object.length - 1;
  }
  return objects;
}

/** Unquotes a Bicep string literal such as 'chats'. */
export function literal(expression: string | undefined): string | undefined {
  return expression?.match(/^'(.*)'$/)?.[1];
}
