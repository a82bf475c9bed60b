import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { defaultPagesDir, PAGE_BUNDLE } from '../../src/web/pageAssets';

/** The repository root: where package.json is, above the pages folder. */
const ROOT = dirname(dirname(defaultPagesDir()));

/**
 * Bundles the tab pages (React, Fluent UI 9, teams-js) into one minified script that the bot serves
 * from its own process. esbuild: one fast, well-kept tool, no config files, no runtime dependency.
 */
export async function buildPages(outDir: string = defaultPagesDir()): Promise<string> {
  const outfile = join(outDir, PAGE_BUNDLE);
  await build({
    entryPoints: [join(ROOT, 'src/web/pages/main.tsx')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['chrome109', 'edge109', 'safari15', 'firefox115'],
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'eof',
    logLevel: 'warning',
    outfile,
  });
  return outfile;
}
