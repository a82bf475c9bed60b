/**
 * What `/planner` is given: a Planner plan's id, or a link to the plan as Planner, Teams or a
 * browser's address bar shows it. Only the plan id matters; it is checked with Planner itself.
 */

/** A Planner id: 28 characters of URL-safe base64 ("xqQg5FS2LkCp935s-FIFm2QAFkHM"); a little slack either way. */
const PLAN_ID = /^[A-Za-z0-9_-]{20,40}$/u;

/** Where a plan's id sits in the links people copy: `planId=…` (classic Planner, Teams tabs), `/PlanViews/…`, `/plan/…` (planner.cloud.microsoft). */
const IN_LINK = [/[?&#]planId=([A-Za-z0-9_-]+)/u, /\/PlanViews\/([A-Za-z0-9_-]+)/iu, /\/plan\/([A-Za-z0-9_-]+)/u];

/** A premium plan (Planner premium, once Project for the web): Graph's Planner API does not serve those. */
const PREMIUM = /\/premiumplan\/|\/project\.microsoft\.com\//iu;

/** What `/planner`'s words come to. */
export type PlanReference =
  | { kind: 'plan'; planId: string }
  | { kind: 'off' }
  | { kind: 'status' }
  | { kind: 'invalid'; message: string };

const HOW = 'Type /planner and the plan\'s link (in Planner, open the plan and copy the address, or "Copy link to plan"), or its id.';

/** Reads `/planner <link or id>`, `/planner off`, or `/planner` alone (where things stand). */
export function parsePlanReference(args: string): PlanReference {
  const text = args.trim().replace(/^<|>$/gu, '');
  if (text === '') return { kind: 'status' };
  if (/^(off|stop|unlink|none)$/iu.test(text)) return { kind: 'off' };
  if (PLAN_ID.test(text)) return { kind: 'plan', planId: text };
  let decoded = text;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    // A link with a stray % is read as it is.
  }
  if (PREMIUM.test(decoded)) return { kind: 'invalid', message: 'That is a premium plan, which Microsoft Graph cannot reach. Link a basic Planner plan instead.' };
  for (const pattern of IN_LINK) {
    const planId = pattern.exec(decoded)?.[1];
    if (planId && PLAN_ID.test(planId)) return { kind: 'plan', planId };
  }
  return { kind: 'invalid', message: `I can't find a plan in "${text.slice(0, 80)}". ${HOW}` };
}
