import { existsSync, readFileSync } from 'node:fs';

/** Reads a dotenv-style file (KEY=VALUE lines, # comments, optional quotes) as the Agents Toolkit writes them. */
export function readEnvFile(path: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match || line.trimStart().startsWith('#')) continue;
    const [, key = '', raw = ''] = match;
    values.set(key, raw.replace(/^(['"])(.*)\1$/, '$2'));
  }
  return values;
}

/**
 * Reads `env/.env.<name>` and, when present, its git-ignored `.user` companion, which the Toolkit uses
 * for secrets and per-developer overrides; the companion wins where both set a variable.
 */
export function readToolkitEnvironment(envFolder: string, name: string): Map<string, string> {
  const shared = `${envFolder}/.env.${name}`;
  if (!existsSync(shared)) {
    throw new Error(
      `No environment file ${shared}. Pass an environment that exists (e.g. --env dev) or create the file ` +
        '(see docs/DEPLOY.md).',
    );
  }
  const values = readEnvFile(shared);
  const user = `${shared}.user`;
  if (existsSync(user)) for (const [key, value] of readEnvFile(user)) values.set(key, value);
  return values;
}
