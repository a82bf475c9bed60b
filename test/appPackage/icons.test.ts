import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPng } from './pngReader';
import { APP_PACKAGE_DIR, resolvedManifest } from './manifestFixture';

function icon(kind: 'color' | 'outline') {
  return readPng(readFileSync(join(APP_PACKAGE_DIR, resolvedManifest().icons[kind] as string)));
}

function alphas(rgba: Buffer): number[] {
  return Array.from({ length: rgba.length / 4 }, (_, i) => rgba[i * 4 + 3] ?? 0);
}

describe('app icons', () => {
  it('has a 192×192 colour icon in more than one colour', () => {
    const { width, height, colourType, rgba } = icon('color');
    expect([width, height, colourType]).toEqual([192, 192, 6]);
    const colours = new Set<string>();
    for (let i = 0; i < rgba.length; i += 4) if (rgba[i + 3] === 255) colours.add(rgba.toString('hex', i, i + 3));
    expect(colours.size).toBeGreaterThan(1);
  });

  it('has a 32×32 outline icon that is white on transparency', () => {
    const { width, height, colourType, rgba } = icon('outline');
    expect([width, height, colourType]).toEqual([32, 32, 6]);
    const alpha = alphas(rgba);
    expect(alpha.filter((a) => a === 0).length).toBeGreaterThan(alpha.length / 2);
    expect(alpha.some((a) => a === 255)).toBe(true);
    for (let i = 0; i < rgba.length; i += 4) {
      if ((rgba[i + 3] ?? 0) > 0) expect(rgba.toString('hex', i, i + 3)).toBe('ffffff');
    }
  });
});
