import { initialsOf } from '../domain/series';
import type { Person, Series } from '../domain/types';

/** "Derek Benson (DBe)": how cards name a person, with the initials the minutes use. */
export function personLabel(series: Series, person: Person): string {
  return `${person.name} (${initialsOf(series, person)})`;
}

/** A comma-separated list of people for a card field. */
export function peopleLabel(series: Series, people: readonly Person[]): string {
  return people.map((person) => personLabel(series, person)).join(', ');
}

/** Members (and any current owners who left the chat) as choices for an owner picker. */
export function memberChoices(series: Series, alsoInclude: readonly Person[] = []): Array<{ title: string; value: string }> {
  const people: Person[] = [...series.members];
  for (const person of alsoInclude) if (!people.some((member) => member.id === person.id)) people.push(person);
  return people
    .map((person) => ({ title: personLabel(series, person), value: person.id }))
    .sort((a, b) => a.title.localeCompare(b.title));
}

/**
 * The most people a picker offers as a list. Beyond it the list is cut and Teams' people picker
 * (a search of the chat's members as one types) finds the rest: 600 members listed would make a
 * card of some 60 KB, past what Teams accepts.
 */
export const PICKER_CHOICES_LIMIT = 50;

/** Choices for an owner picker whatever the chat's size: the current owners first, then members by name, at most `limit`. */
export function boundedMemberChoices(series: Series, owners: readonly Person[], limit = PICKER_CHOICES_LIMIT): Array<{ title: string; value: string }> {
  const all = memberChoices(series, owners);
  const chosen = new Set(owners.map((owner) => owner.id));
  return [...all.filter((choice) => chosen.has(choice.value)), ...all.filter((choice) => !chosen.has(choice.value))].slice(0, Math.max(limit, chosen.size));
}
