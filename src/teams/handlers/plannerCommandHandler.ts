import { formatDueDate, localDate } from '../../domain/dateFormat';
import { parsePlanReference } from '../../domain/planner/planReference';
import type { CommandHandler } from '../turn';

const NO_GRAPH = 'Linking a Planner plan needs Microsoft Graph, which is not set up for this bot. An admin can turn it on (docs/DEPLOY.md § Microsoft Graph).';

/**
 * `/planner <plan link or id>` links the chat to a Planner plan (the chair only), `/planner off`
 * stops keeping it in step (deleting nothing), `/planner` alone says where things stand.
 */
export const handlePlannerCommand: CommandHandler = async (turn, args) => {
  const { facts, room } = turn;
  const planner = room.useCases.planner;
  if (!planner) return turn.reply.say(NO_GRAPH);
  const reference = parsePlanReference(args);
  if (reference.kind === 'invalid') return turn.reply.say(reference.message);
  const chat = await room.useCases.chats.load(facts);
  const linked = chat.value.planner;
  if (reference.kind === 'status') {
    if (!linked) return turn.reply.say('This chat is not linked to a Planner plan. The chair can link one: /planner and the link to the plan.');
    const on = formatDueDate(localDate(linked.linkedAt, chat.value.timeZone), facts.locale);
    return turn.reply.say(`This chat's actions are kept in step with the Planner plan "${linked.title}" (linked by ${linked.linkedBy.name} on ${on}). /planner off stops it.`);
  }
  if (reference.kind === 'off') {
    const outcome = await planner.unlink(facts, chat, facts.speaker);
    if (outcome.kind === 'notLinked') return turn.reply.say('This chat is not linked to a Planner plan: nothing to stop.');
    if (outcome.kind === 'notChair') return turn.reply.say(notChair(outcome.chair?.name, 'stop keeping this chat in step with Planner'));
    return turn.reply.say(`Planner sync is off: new actions no longer become tasks in "${outcome.link.title}", and completing tasks there no longer closes actions here. Nothing was deleted, there or here.`);
  }
  const outcome = await planner.link(facts, chat, reference.planId, facts.speaker);
  switch (outcome.kind) {
    case 'notChair':
      return turn.reply.say(notChair(outcome.chair?.name, 'link this chat to a Planner plan'));
    case 'notFound':
      return turn.reply.say("Planner has no plan with that id that I can see. Check the link, and that the plan is a basic plan of a group in your organisation. Nothing was changed.");
    case 'refused':
      return turn.reply.say(`Microsoft Graph would not let me read that plan (${outcome.status}): an admin needs to grant the app Tasks.ReadWrite.All (docs/DEPLOY.md § Microsoft Graph). Nothing was changed.`);
    case 'unavailable':
      return turn.reply.say('Planner is not answering right now. Nothing was changed; please try again in a few minutes.');
    case 'linked': {
      const before = outcome.replaced ? `No longer kept in step with "${outcome.replaced.title}". ` : '';
      return turn.reply.say(
        `${before}Linked to the Planner plan "${outcome.plan.title}". Each new action becomes a task there (its owners assigned, its due date, a link back to its card); completing a task in Planner closes its action here, and closing an action here completes its task. /planner off stops this and deletes nothing.`,
      );
    }
  }
};

function notChair(chair: string | undefined, what: string): string {
  return `Only the chair${chair ? ` (${chair})` : ''} can ${what}.`;
}
