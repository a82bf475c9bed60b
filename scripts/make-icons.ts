/**
 * Draws the Teams app icons (a check mark in a rounded square) into appPackage/. Run once after a
 * design change with `npm run build && node dist/scripts/make-icons.js`; the PNGs are committed.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { encodePng } from './icons/png';
import { coverage, roundedSquareDistance, strokeDistance, type Point } from './icons/shapes';

/** The manifest's accentColor; the colour icon's tile uses the same so Teams' frame blends in. */
const ACCENT: readonly [number, number, number] = [0x1f, 0x5f, 0x8b];

/** The check mark on a unit square, scaled to each icon. */
const CHECK: readonly Point[] = [
  { x: 0.3, y: 0.52 },
  { x: 0.44, y: 0.66 },
  { x: 0.71, y: 0.36 },
];

function scaled(points: readonly Point[], size: number): Point[] {
  return points.map((p) => ({ x: p.x * size, y: p.y * size }));
}

function paint(size: number, pixel: (p: Point) => [number, number, number, number]): Uint8Array {
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      rgba.set(pixel({ x: x + 0.5, y: y + 0.5 }).map((v) => Math.round(v)), (y * size + x) * 4);
    }
  }
  return rgba;
}

/** 192×192 colour icon: white check on an accent tile that fills the canvas (Teams crops its own corners). */
function colorIcon(): Uint8Array {
  const size = 192;
  const centre = { x: size / 2, y: size / 2 };
  const check = scaled(CHECK, size);
  return paint(size, (p) => {
    const tile = coverage(roundedSquareDistance(p, centre, size / 2, 36));
    const mark = coverage(strokeDistance(p, check, 18));
    const [r, g, b] = ACCENT.map((c) => c + (255 - c) * mark) as [number, number, number];
    return [r, g, b, 255 * tile];
  });
}

/** 32×32 outline icon: white only, on transparency, as Teams requires for its monochrome rendering. */
function outlineIcon(): Uint8Array {
  const size = 32;
  const centre = { x: size / 2, y: size / 2 };
  const check = scaled(CHECK, size);
  return paint(size, (p) => {
    const frame = coverage(Math.abs(roundedSquareDistance(p, centre, 13.5, 5)) - 1);
    const mark = coverage(strokeDistance(p, check, 2.6));
    return [255, 255, 255, 255 * Math.max(frame, mark)];
  });
}

// npm runs scripts from the repository root, so this path holds whether run from dist/ or elsewhere.
const appPackage = resolve('appPackage');
writeFileSync(resolve(appPackage, 'color.png'), encodePng(192, 192, colorIcon()));
writeFileSync(resolve(appPackage, 'outline.png'), encodePng(32, 32, outlineIcon()));
console.log(`Wrote color.png and outline.png to ${appPackage}`);
