import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

// Every package in package.json earns its place: something imports it, or it is a peer of something
// that does, or it is named below with the reason. A dependency nothing uses (fs-extra was one) fails.

const ROOT = join(__dirname, '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

/** Packages used without an import, and why. */
const USED_WITHOUT_IMPORT: Record<string, string> = {
  rimraf: "botbuilder-dialogs' postinstall runs `npx rimraf …`; without a local rimraf, npm 11 downloads one at install time, or fails offline or with yes=false",
  typescript: 'tsc: npm run build and npm run typecheck',
  jest: 'the test runner',
  '@swc/jest': "jest.config.js's transform",
  '@types/jest': 'types of the test globals',
  '@types/node': 'types of Node',
  '@types/better-sqlite3': 'types of better-sqlite3',
  '@types/luxon': 'types of luxon',
  '@types/restify': 'types of restify, which ships none',
  '@types/ws': 'types of ws',
  '@types/react': "types of React, for the tab pages (src/web/pages)",
  '@types/react-dom': "types of react-dom/client, for the tab pages (src/web/pages)",
};

/** The bare package name an import specifier names ("@azure/cosmos/x" → "@azure/cosmos"). */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js|mjs)$/.test(name) ? [path] : [];
  });
}

function importedPackages(): Set<string> {
  const files = [...['src', 'scripts', 'test', 'testkit', 'bench'].flatMap((folder) => sourceFiles(join(ROOT, folder))), join(ROOT, 'eslint.config.mjs'), join(ROOT, 'jest.config.js')];
  const specifiers = files.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/(?:from\s+|require(?:\.resolve)?\(\s*|import\(\s*)'([^'./][^']*)'/g)].map((match) => match[1] ?? ''),
  );
  return new Set(specifiers.filter((specifier) => !specifier.startsWith('node:')).map(packageOf));
}

function peersOf(names: Iterable<string>): Set<string> {
  const peers = new Set<string>();
  for (const name of names) {
    const installed = JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { peerDependencies?: Record<string, string> };
    for (const peer of Object.keys(installed.peerDependencies ?? {})) peers.add(peer);
  }
  return peers;
}

test('every dependency is imported, a peer of one that is, or used without an import for a stated reason', () => {
  const declared = [...Object.keys(manifest.dependencies), ...Object.keys(manifest.devDependencies)];
  const imported = new Set([...importedPackages()].filter((name) => declared.includes(name)));
  const used = new Set([...imported, ...peersOf(imported), ...Object.keys(USED_WITHOUT_IMPORT)]);
  expect(declared.filter((name) => !used.has(name))).toEqual([]);
});

/** The tab pages run in the browser: esbuild bundles them (and their packages) into dist/pages at build time. */
const BUNDLED_FOR_THE_BROWSER = join(ROOT, 'src', 'web', 'pages');

test('what the bot imports at run time is a dependency, not a devDependency the production install leaves out', () => {
  const runtime = [...new Set(sourceFiles(join(ROOT, 'src')).filter((file) => !file.startsWith(BUNDLED_FOR_THE_BROWSER)).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\(\s*)'([^'./][^']*)'/g)].map((match) => packageOf(match[1] ?? '')),
  ))].filter((name) => !name.startsWith('node:'));
  expect(runtime.filter((name) => !(name in manifest.dependencies))).toEqual([]);
});

test('every package named as used without an import is still declared', () => {
  const declared = new Set([...Object.keys(manifest.dependencies), ...Object.keys(manifest.devDependencies)]);
  expect(Object.keys(USED_WITHOUT_IMPORT).filter((name) => !declared.has(name))).toEqual([]);
});
