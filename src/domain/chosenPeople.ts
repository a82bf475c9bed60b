import { toPerson } from './actionCommand';
import type { Member, Person } from './types';

/** The people behind ids chosen in an owner picker, or the ids nobody in the chat answers to. */
export type ChosenPeople = { ok: true; people: Person[] } | { ok: false; unknown: string[] };

/**
 * Resolves ids chosen in the people picker (Entra object ids, or the values of its static choices)
 * to people: a member of the chat as the roster names them now, else someone the record already
 * holds (an owner who has since left the chat keeps the name stored with the action).
 */
export function resolveChosenPeople(ids: readonly string[], members: readonly Member[], known: readonly Person[] = []): ChosenPeople {
  const people: Person[] = [];
  const unknown: string[] = [];
  for (const id of ids) {
    const member = members.find((candidate) => candidate.id === id);
    const held = member ? toPerson(member) : known.find((person) => person.id === id);
    if (held) people.push(held);
    else unknown.push(id);
  }
  return unknown.length === 0 ? { ok: true, people } : { ok: false, unknown };
}
