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
