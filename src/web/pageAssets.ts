import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The file the page bundle is built into, inside the pages folder. */
export const PAGE_BUNDLE = 'tabs.js';

/** The tabs' pages: one bundle and which view each address opens. */
export type PageView = 'actions' | 'mine' | 'config';

/** The built page bundle, read once, with a version for cache-busting its URL. */
export interface PageAssets {
  script: Buffer;
  /** Short hash of the bundle: the script's URL carries it, so a new build is never served from a stale cache. */
  version: string;
}

/**
 * The folder the build writes the pages to: `dist/pages` beside the repository's package.json,
 * found from this file whether it runs compiled (dist/src/web) or from source (src/web).
 */
export function defaultPagesDir(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'dist', 'pages');
}

/** Reads the bundle from `dir`; undefined when it has not been built (the pages then say how to build it). */
export function loadPageAssets(dir: string): PageAssets | undefined {
  const file = join(dir, PAGE_BUNDLE);
  if (!existsSync(file)) return undefined;
  const script = readFileSync(file);
  return { script, version: createHash('sha256').update(script).digest('hex').slice(0, 12) };
}

/**
 * The HTML of a tab page: an empty root the bundle draws into. The view comes from the address
 * (meeting tab, My actions, configuration), so one bundle serves them all.
 */
export function pageHtml(view: PageView, assets: PageAssets): string {
  const title = view === 'mine' ? 'My actions' : view === 'config' ? 'Add the action log' : 'Action log';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Meeting Actions</title>
<style>html,body{margin:0;padding:0}body{font-family:"Segoe UI","Segoe UI Web (West European)",-apple-system,BlinkMacSystemFont,Roboto,"Helvetica Neue",sans-serif}</style>
</head>
<body>
<div id="root" data-view="${view}"></div>
<script src="/tabs/assets/${PAGE_BUNDLE}?v=${assets.version}"></script>
</body>
</html>
`;
}
