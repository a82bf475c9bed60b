import type { OpenTrigger } from '../../domain/meetings/meetingLifecycle';
import type { TurnInfo } from '../turnInfo';

/** The meeting-opening trigger a command or capture in this turn makes. */
export function triggerOf(info: TurnInfo, by: OpenTrigger['by']): OpenTrigger {
  return { by, at: info.now, ...(info.meetingId ? { teamsMeetingId: info.meetingId } : {}) };
}
