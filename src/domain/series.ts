import { seriesIdOf } from './seriesId';
import { assignInitials } from './initials';
import type { AgendaItem, Member, Person, Series, SeriesKey } from './types';

/** A series as first seen: no members read yet, counters at zero. */
export function newSeries(key: SeriesKey, timeZone: string, now: string): Series {
  return {
    id: seriesIdOf(key),
    tenantId: key.tenantId,
    conversationId: key.conversationId,
    members: [],
    timeZone,
    lastActionNumber: 0,
    decisionCounters: {},
    createdAt: now,
  };
}

/**
 * Replaces the member list with the chat's current roster and gives everyone initials unique within
 * it. Initials follow the roster (as minute-takers re-letter when a second "DB" joins); records keep
 * people's ids, so nothing stored depends on initials.
 */
export function withMembers(series: Series, people: readonly Person[], now: string): Series {
  const initials = assignInitials(people);
  const members: Member[] = people.map((person) => ({ ...person, initials: initials.get(person.id) ?? '?' }));
  return { ...series, members, membersReadAt: now };
}

/** Whether this person is on the chat's member list or chairs it: who may see and change the chat's records. */
export function isMemberOrChair(series: Series, personId: string): boolean {
  return isChair(series, personId) || series.members.some((member) => member.id === personId);
}

/** Whether this person chairs the series (and so may close anyone's action). */
export function isChair(series: Series, personId: string): boolean {
  return series.chair?.id === personId;
}

/**
 * Sets the chair unless a better-founded one is already known: the meeting organizer beats
 * whoever installed the bot, and a configured chair beats both. The same chair under a better name
 * (the roster's, for an organizer Teams gave no name) is kept under that name.
 */
export function withChair(series: Series, chair: Person, source: NonNullable<Series['chairSource']>): Series {
  const rank = { installer: 1, organizer: 2, configured: 3 } as const;
  if (series.chairSource && rank[series.chairSource] > rank[source]) return series;
  if (series.chair?.id === chair.id && series.chair.name === chair.name && series.chairSource === source) return series;
  return { ...series, chair, chairSource: source };
}

/** What to call someone Teams gave no name (a meeting organizer from `GET /v1/meetings`) when the roster does not know them either. */
export const UNNAMED_ORGANIZER = 'the meeting organizer';

/**
 * A person as the chat's roster names them. Teams' meeting details give the organizer's ids but
 * often no name; the roster (matched on either id) has it. Someone not on it keeps their own name,
 * or `fallback` when they have none.
 */
export function namedFromRoster(person: Person, members: readonly Member[], fallback = UNNAMED_ORGANIZER): Person {
  const member = members.find((candidate) => candidate.id === person.id || (person.teamsId !== undefined && candidate.teamsId === person.teamsId));
  if (member) return { id: member.id, name: member.name, ...(member.teamsId ? { teamsId: member.teamsId } : {}) };
  return person.name.trim() ? person : { ...person, name: fallback };
}

/** How many recent owners a series remembers for the owner picker. */
const RECENT_OWNERS = 8;

/** Remembers an action's owners as the series' most recent ones, newest first, for the owner picker's short list. */
export function withRecentOwners(series: Series, owners: readonly Person[]): Series {
  const earlier = (series.recentOwners ?? []).filter((person) => !owners.some((owner) => owner.id === person.id));
  return { ...series, recentOwners: [...owners, ...earlier].slice(0, RECENT_OWNERS) };
}

/** Hands out the next action number. */
export function takeActionNumber(series: Series): { series: Series; number: number } {
  const number = series.lastActionNumber + 1;
  return { series: { ...series, lastActionNumber: number }, number };
}

/**
 * Hands out the next decision number within a meeting and agenda item (minutes number them per
 * item). `meeting` is the meeting's id, or its day when no meeting record is kept.
 */
export function takeDecisionNumber(series: Series, meeting: string, item: AgendaItem | undefined): { series: Series; number: number } {
  const key = `${meeting}|${item?.number ?? ''}`;
  const number = (series.decisionCounters[key] ?? 0) + 1;
  return { series: { ...series, decisionCounters: { ...series.decisionCounters, [key]: number } }, number };
}

/** The initials to show for a person: their member initials, or ones derived from their name alone. */
export function initialsOf(series: Series, person: Person): string {
  const member = series.members.find((candidate) => candidate.id === person.id);
  return member?.initials ?? assignInitials([person]).get(person.id) ?? '?';
}
