import type { Turn } from './turn';

/**
 * Says a line about something already saved, logging instead of failing the turn when even that
 * cannot reach the chat: a failed turn would tell people to try again, and trying again would
 * save it twice.
 */
export async function sayIfPossible(turn: Turn, text: string): Promise<void> {
  try {
    await turn.reply.say(text);
  } catch (error) {
    turn.room.logger.warn({ err: error, activityId: turn.facts.activityId, conversation: turn.facts.key.conversationId }, 'could not tell the chat what was saved');
  }
}
