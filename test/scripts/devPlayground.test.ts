import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// `npm run dev:playground` is where the README sends people to try the tabs (/tabs/actions?dev=1);
// the bot answers 503 for every tab page until the pages are bundled, so the launcher must build them too.

const scripts = (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

test('npm run dev:playground builds the bot and the tab pages before it starts them', () => {
  expect(scripts['dev:playground']).toBe('npm run build && node dist/scripts/dev-playground.js');
  expect(scripts['build']).toContain('node dist/scripts/build-pages.js');
});
