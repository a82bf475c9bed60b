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

/** One static choice of an owner picker. */
export interface PickerChoice {
  title: string;
  value: string;
}

/**
 * Where Teams' people picker searches as someone types (`Input.ChoiceSet` `choices.data`): the
 * members of the chat the card is in, or, in a 1:1 chat with the bot (where the chat's members are
 * the person and the bot), the whole organisation; the bot then accepts only the meeting chat's members.
 */
export const PEOPLE_DATASETS = {
  chat: 'graph.microsoft.com/users?scope=currentContext',
  organisation: 'graph.microsoft.com/users',
} as const;

/** Where an owner picker is shown, which decides what Teams searches. */
export type PickerScope = keyof typeof PEOPLE_DATASETS;

/**
 * Static choices a picker carries at most. Teams searches the chat's members itself; these are the
 * people offered before anyone types, and all a client without the people picker can choose from,
 * so a card stays small and short whatever the chat's size.
 */
export const PICKER_CHOICES_MAX = 12;

/**
 * The static choices of an owner picker: the people already chosen (an owner who has left keeps
 * their stored name), then `also` (the person filling it in, the chair), then the chat's most
 * recent owners who are still members, then other members by name, up to `PICKER_CHOICES_MAX`.
 */
export function pickerChoices(series: Series, chosen: readonly Person[], also: readonly Person[] = []): PickerChoice[] {
  const isMember = (person: Person) => series.members.some((member) => member.id === person.id);
  const others = [...series.members].sort((a, b) => a.name.localeCompare(b.name));
  const candidates = [...chosen, ...[...also, ...(series.recentOwners ?? []), ...others].filter(isMember)];
  const seen = new Set<string>();
  const choices: PickerChoice[] = [];
  for (const person of candidates) {
    if (choices.length >= Math.max(PICKER_CHOICES_MAX, chosen.length)) break;
    if (seen.has(person.id)) continue;
    seen.add(person.id);
    const member = series.members.find((candidate) => candidate.id === person.id);
    choices.push({ title: personLabel(series, member ?? person), value: person.id });
  }
  return choices;
}
