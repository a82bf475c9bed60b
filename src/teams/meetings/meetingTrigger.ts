import type { OpenTrigger } from '../../domain/meetings/meetingLifecycle';
import type { TurnFacts } from '../turn';

/** The meeting-opening trigger a command or capture in this turn makes. */
export function triggerOf(facts: TurnFacts, by: OpenTrigger['by']): OpenTrigger {
  return { by, at: facts.now, ...(facts.meetingId ? { teamsMeetingId: facts.meetingId } : {}) };
}
