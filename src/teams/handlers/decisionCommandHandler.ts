import { renderDecisionCard } from '../../cards/decisionCard';
import { parseDecisionArgs } from '../../domain/decisionCommand';
import { decisionSavedWithoutCard } from '../savedWithoutCard';
import { sayIfPossible } from '../sayIfPossible';
import type { CommandHandler } from '../turn';

/** `/decision …`: records a decision under the current item and posts its card. */
export const handleDecisionCommand: CommandHandler = async (turn, args) => {
  const { facts, room } = turn;
  const parsed = parseDecisionArgs(args);
  if (parsed.kind === 'invalid') return turn.reply.say(parsed.message);
  const chat = await room.useCases.chats.load(facts);
  // A redelivered message already has its card; the capture does not publish it again.
  const captured = await room.useCases.capture.recordDecision(chat, { key: facts.key, sourceId: facts.activityId, by: facts.speaker, at: facts.now }, parsed.text, (decision) =>
    turn.reply.sendCard(renderDecisionCard(decision, facts.locale)),
  );
  if (captured.cardFailed) await sayIfPossible(turn, decisionSavedWithoutCard(captured.record));
};
