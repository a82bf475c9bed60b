/** Limits on what one capture may hold; `/help` states them so nobody meets them by surprise. */
export const LIMITS = {
  /** Characters in an action's or decision's text (about a long paragraph of minutes). */
  textLength: 2000,
  /** Owners on one action: more than this is a group, not an owner. */
  ownersPerAction: 10,
  /** Characters in an update or closing note. */
  noteLength: 2000,
  /** Characters in an agenda item's number and title together. */
  itemLength: 200,
} as const;
