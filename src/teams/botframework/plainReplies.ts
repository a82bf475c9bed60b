import type { Activity, TurnContext } from 'botbuilder';

/**
 * Marks the bot's text replies as plain text. Many replies quote what someone typed (an unknown
 * word, a reference, an item title), and Teams renders markdown in bot messages, so
 * `/close [x](http://evil)` would otherwise come back as a clickable link. Replies that carry an
 * @mention keep Teams' default format, which the mention markup needs.
 */
export function sendRepliesAsPlainText(context: TurnContext): void {
  context.onSendActivities(async (_context, activities, next) => {
    for (const activity of activities) if (isQuotingText(activity)) activity.textFormat = 'plain';
    return next();
  });
}

function isQuotingText(activity: Partial<Activity>): boolean {
  const mentions = (activity.entities ?? []).some((entity) => entity.type === 'mention');
  return activity.type === 'message' && typeof activity.text === 'string' && activity.textFormat === undefined && !mentions;
}
