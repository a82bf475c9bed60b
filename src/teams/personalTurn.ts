import type { PersonalTurn } from '../services/peopleService';
import type { TurnFacts } from './turn';

/** A turn in a 1:1 chat, as the people service records it (where to reach the person, their zone and locale). */
export function personalTurnOf(facts: TurnFacts): PersonalTurn {
  return {
    tenantId: facts.key.tenantId,
    person: facts.speaker,
    conversationId: facts.key.conversationId,
    serviceUrl: facts.serviceUrl,
    ...(facts.timeZone ? { timeZone: facts.timeZone } : {}),
    locale: facts.locale,
  };
}
