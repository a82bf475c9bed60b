/**
 * Signed distance functions for the icon glyph: negative inside a shape, positive outside, in pixels.
 * Distances give anti-aliased edges for free (coverage = 0.5 - distance), so no supersampling is needed.
 */

/** A point in pixel space. */
export interface Point {
  x: number;
  y: number;
}

/** Distance from a point to a square centred at `centre`, `half` wide each way, with corners rounded by `radius`. */
export function roundedSquareDistance(p: Point, centre: Point, half: number, radius: number): number {
  const qx = Math.abs(p.x - centre.x) - (half - radius);
  const qy = Math.abs(p.y - centre.y) - (half - radius);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - radius;
}

function segmentDistance(p: Point, a: Point, b: Point): number {
  const abx = b.x - a.x;
  const aby = b.y - a.y;
  const t = Math.min(1, Math.max(0, ((p.x - a.x) * abx + (p.y - a.y) * aby) / (abx * abx + aby * aby)));
  return Math.hypot(p.x - (a.x + t * abx), p.y - (a.y + t * aby));
}

/** Distance from a point to a polyline stroked `width` wide with round caps and joins. */
export function strokeDistance(p: Point, points: readonly Point[], width: number): number {
  let nearest = Infinity;
  for (let i = 1; i < points.length; i += 1) {
    const a = points[i - 1];
    const b = points[i];
    if (a && b) nearest = Math.min(nearest, segmentDistance(p, a, b));
  }
  return nearest - width / 2;
}

/** How much of a pixel a shape covers (0..1), given the distance from the pixel centre to its edge. */
export function coverage(distance: number): number {
  return Math.min(1, Math.max(0, 0.5 - distance));
}
