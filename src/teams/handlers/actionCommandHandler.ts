import { renderActionCard } from '../../cards/actionCard';
import { renderActionFormCard } from '../../cards/actionFormCard';
import { parseActionArgs } from '../../domain/actionCommand';
import { actionSavedWithoutCard } from '../savedWithoutCard';
import { sayIfPossible } from '../sayIfPossible';
import { actionFormNotice } from '../actionFormNotice';
import type { CommandHandler } from '../turn';

/**
 * `/action …`: captures an action and posts its card, or posts the form when the text or the owner
 * is missing. A redelivered message finds the action it already created and does not post twice.
 * Saved but its card refused by Teams, it says so, so nobody types it again.
 */
export const handleActionCommand: CommandHandler = async (turn, args) => {
  const { facts, room } = turn;
  const chat = await room.useCases.chats.loadWithMembers(facts, turn.directory, facts.mentions.map((mention) => mention.person));
  const series = chat.value;
  const parsed = parseActionArgs(args, { mentions: facts.mentions, members: series.members, now: facts.now, timeZone: facts.timeZone ?? series.timeZone, locale: facts.locale });
  if (parsed.kind === 'invalid') return turn.reply.say(parsed.message);
  if (parsed.kind === 'needsForm') {
    await turn.reply.sendCard(renderActionFormCard(series, parsed.draft, { notice: actionFormNotice(parsed, facts.locale), author: facts.speaker }));
    return;
  }
  const captured = await room.useCases.capture.captureAction(chat, { key: facts.key, sourceId: facts.activityId, by: facts.speaker, at: facts.now }, parsed.draft, (action) =>
    turn.reply.sendCard(renderActionCard(action, series, { locale: facts.locale, now: facts.now })),
  );
  if (captured.cardFailed) await sayIfPossible(turn, actionSavedWithoutCard(captured.record));
};
