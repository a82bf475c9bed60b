import { ActivityTypes, type TurnContext } from 'botbuilder';

/**
 * Drops the "typing" activities teams-ai sends once a turn has run a second. teams-ai v1 starts that
 * timer on every message turn, whatever `startTypingTimer` says, and sends them unpaced: each is a
 * message Teams counts against the chat's rate limit, and a reply waiting for its turn in a busy
 * chat would send one every second.
 */
export function dropTypingIndicators(context: TurnContext): void {
  context.onSendActivities(async (_context, activities, next) => {
    const kept = activities.filter((activity) => activity.type !== ActivityTypes.Typing);
    if (kept.length === 0) return [];
    activities.splice(0, activities.length, ...kept);
    return next();
  });
}
