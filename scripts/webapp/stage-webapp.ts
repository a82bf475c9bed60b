import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What went into the folder, in bytes. */
export interface StagedWebApp {
  folder: string;
  files: number;
  bytes: number;
  nodeModulesBytes: number;
}

/**
 * Stages what App Service runs into `build/webapp`: the compiled bot (dist/src, and dist/scripts/tick.js
 * for `node dist/scripts/tick.js` there), package.json and its lock, and node_modules without the
 * devDependencies. The production packages are copied from this checkout's node_modules and checked
 * with `npm prune --omit=dev`, so the deployment carries the very packages, and native builds, that
 * were installed and tested here, and staging needs no network. Needs `npm ci` and `npm run build` first.
 */
export function stageWebApp(options: { root: string; dist?: string; folder?: string }, npm: { command: string; args: string[] } = npmCommand()): StagedWebApp {
  const { root } = options;
  const dist = options.dist ?? join(root, 'dist');
  const folder = options.folder ?? join(root, 'build', 'webapp');
  for (const needed of [join(dist, 'src', 'index.js'), join(dist, 'scripts', 'tick.js'), join(root, 'node_modules'), join(root, 'package-lock.json')]) {
    if (!existsSync(needed)) throw new Error(`${needed} is missing: run npm ci and npm run build first.`);
  }
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(join(folder, 'dist', 'scripts'), { recursive: true });
  cpSync(join(dist, 'src'), join(folder, 'dist', 'src'), { recursive: true });
  for (const file of ['tick.js', 'tick.js.map']) {
    if (existsSync(join(dist, 'scripts', file))) cpSync(join(dist, 'scripts', file), join(folder, 'dist', 'scripts', file));
  }
  for (const file of ['package.json', 'package-lock.json']) cpSync(join(root, file), join(folder, file));
  // Only what the lockfile marks as production (not "dev"); each package folder brings its nested ones.
  for (const path of productionPackagePaths(join(root, 'package-lock.json'))) {
    if (existsSync(join(root, path))) cpSync(join(root, path), join(folder, path), { recursive: true, verbatimSymlinks: true });
  }
  // npm then checks the tree against the lockfile and removes anything that is not production.
  execFileSync(npm.command, [...npm.args, 'prune', '--omit=dev', '--offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: folder, stdio: ['ignore', 'ignore', 'inherit'] });
  const all = sizeOf(folder);
  return { folder, files: all.files, bytes: all.bytes, nodeModulesBytes: sizeOf(join(folder, 'node_modules')).bytes };
}

/** The top-level `node_modules/…` folders package-lock.json marks as needed in production. */
function productionPackagePaths(lockFile: string): string[] {
  const lock = JSON.parse(readFileSync(lockFile, 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  return Object.entries(lock.packages)
    .filter(([path, entry]) => path.startsWith('node_modules/') && !path.slice('node_modules/'.length).includes('node_modules/') && !entry.dev)
    .map(([path]) => path);
}

/** The npm that runs this script (npm_execpath under `npm run`), else the one on PATH. */
function npmCommand(): { command: string; args: string[] } {
  const cli = process.env['npm_execpath'];
  if (cli && /\.[cm]?js$/.test(cli)) return { command: process.execPath, args: [cli] };
  return { command: process.platform === 'win32' ? 'npm.cmd' : 'npm', args: [] };
}

function sizeOf(path: string): { files: number; bytes: number } {
  const stats = statSync(path);
  if (!stats.isDirectory()) return { files: 1, bytes: stats.size };
  return readdirSync(path).reduce(
    (sum, name) => {
      const inner = sizeOf(join(path, name));
      return { files: sum.files + inner.files, bytes: sum.bytes + inner.bytes };
    },
    { files: 0, bytes: 0 },
  );
}
