import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** The headless Chromium to drive: `CHROMIUM` if set, else the usual Linux install paths. */
export function findChromium(): string {
  const candidates = process.env['CHROMIUM'] ? [process.env['CHROMIUM']] : CANDIDATES;
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error(`No Chromium found (looked at ${candidates.join(', ')}). Install it with "apt-get install -y chromium", or set CHROMIUM=/path/to/chrome.`);
  }
  return found;
}

// Headless, offline and stateless: no sandbox (containers run as root), no background fetches.
function flags(profile: string): string[] {
  return ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--hide-scrollbars', '--force-device-scale-factor=2', '--lang=en-GB', `--user-data-dir=${profile}`];
}

/** The page's DOM after its scripts ran, as Chromium serialises it at this window width. */
export function renderedDom(chromium: string, htmlFile: string, width: number): string {
  return withProfile((profile) =>
    execFileSync(chromium, [...flags(profile), `--window-size=${width},2000`, '--dump-dom', pathToFileURL(htmlFile).href], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
  );
}

/**
 * Screenshots an HTML page at its own size. The page writes its content height into
 * `<body data-height>`; a first run reads it with `--dump-dom`, the second takes the picture.
 */
export function screenshot(chromium: string, htmlFile: string, pngFile: string, width: number): void {
  const height = Number(/data-height="(\d+)"/.exec(renderedDom(chromium, htmlFile, width))?.[1]);
  if (!height) throw new Error(`${htmlFile} did not render a card (no data-height); open it in a browser to see why.`);
  withProfile((profile) => execFileSync(chromium, [...flags(profile), `--window-size=${width},${height}`, `--screenshot=${pngFile}`, pathToFileURL(htmlFile).href], { stdio: 'ignore' }));
}

/** Runs Chromium with a throwaway profile, so runs share no state. */
function withProfile<T>(run: (profile: string) => T): T {
  const profile = mkdtempSync(join(tmpdir(), 'card-pictures-chromium-'));
  try {
    return run(profile);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
