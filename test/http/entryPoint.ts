import { spawn, spawnSync, type ChildProcessWithoutNullStreams, type SpawnSyncReturns } from 'node:child_process';
import { join, resolve } from 'node:path';

/** The repository root, where the entry point and node_modules are. */
export const REPO = resolve(__dirname, '../..');

/** What the child prints on exit: every connection it tried to open off this machine (see networkGuard). */
export const REFUSED_MARKER = 'network guard refused: ';

// Compiles .ts files on load with SWC (the compiler Jest uses), so tests run src/index.ts itself
// with no build step; the network guard is installed first and reports what it refused on exit.
const LOADER = [
  "const { transformSync } = require('@swc/core');",
  "const { readFileSync } = require('node:fs');",
  "require.extensions['.ts'] = (module, file) => module._compile(transformSync(readFileSync(file, 'utf8'),",
  "  { filename: file, jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }).code, file);",
  'const guard = require(process.argv[1]).guardNetwork();',
  `process.on('exit', () => process.stderr.write('${REFUSED_MARKER}' + JSON.stringify(guard.refused) + '\\n'));`,
  // The script sees its own arguments after the two the loader uses.
  'process.argv.splice(1, 1);',
  'require(process.argv[1]);',
].join('\n');

function args(script = 'src/index.ts', scriptArgs: string[] = []): string[] {
  return ['-e', LOADER, join(REPO, 'test/http/networkGuard.ts'), join(REPO, script), ...scriptArgs];
}

/**
 * Runs any TypeScript script of the repository with arguments and exactly this environment (plus
 * PATH), without blocking this process, so servers the test runs here (the fake connector) can
 * answer the script while it works.
 */
export function runScript(script: string, scriptArgs: string[], env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args(script, scriptArgs), { cwd: REPO, env: { PATH: process.env['PATH'] ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolvePromise({ status, stdout, stderr });
    });
  });
}

/** Runs the bot's real entry point to completion with exactly this environment (plus PATH). */
export function runEntryPoint(env: Record<string, string>): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, args(), { cwd: REPO, env: { PATH: process.env['PATH'] ?? '', ...env }, encoding: 'utf8', timeout: 60_000 });
}

/** Starts the bot's real entry point with exactly this environment (plus PATH); the caller stops it. */
export function spawnEntryPoint(env: Record<string, string>): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, args(), { cwd: REPO, env: { PATH: process.env['PATH'] ?? '', ...env } });
}

/** The destinations the child's network guard refused, read from its stderr. */
export function refusedBy(stderr: string): string[] {
  const line = stderr.split('\n').find((candidate) => candidate.startsWith(REFUSED_MARKER));
  if (!line) throw new Error(`the child did not report its network guard; stderr was:\n${stderr}`);
  return JSON.parse(line.slice(REFUSED_MARKER.length)) as string[];
}
