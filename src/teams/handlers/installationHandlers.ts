import type { TurnContext } from 'botbuilder';
import { withChair } from '../../domain/series';
import { changeSeries } from '../../services/seriesService';
import type { BotDeps } from '../botDeps';
import { refreshChat } from '../chatRoster';
import { rememberPersonalChat } from '../personalChat';
import type { TurnInfo } from '../turnInfo';

const WELCOME_CHAT =
  'Hello! I keep this meeting\'s decisions and actions. Type /action to capture an action (e.g. /action Draft the letter @Derek Benson by Friday), /decision to record a decision, /item to set the agenda item, and /help for everything else.';
const WELCOME_PERSONAL =
  'Hello! I will send you reminders of your actions and a weekly digest here. Type /actions to see your open actions, /settings to choose when, and add me to a meeting chat to capture its decisions and actions.';

/**
 * The app was added to (or upgraded in) a chat: whoever added it is the fallback chair until the
 * meeting organizer is known, and the chat gets one welcome message. Removal needs no reply.
 */
export async function handleInstalled(context: TurnContext, deps: BotDeps, info: TurnInfo): Promise<void> {
  const action = String(context.activity.action ?? '');
  if (!action.startsWith('add')) return;
  if (info.conversationType === 'personal') {
    await rememberPersonalChat(deps, info);
    if (action === 'add') await context.sendActivity(WELCOME_PERSONAL);
    return;
  }
  await changeSeries(deps.store, info.key, { timeZone: info.timeZone ?? deps.defaultTimeZone, now: info.now }, (series) =>
    withChair({ ...series, serviceUrl: info.serviceUrl }, info.speaker, 'installer'),
  );
  await refreshChat(context, deps, info);
  if (action === 'add') await context.sendActivity(WELCOME_CHAT);
}

/** People joined or left the chat: re-read the members so initials and the owner picker stay right. */
export async function handleMembersChanged(context: TurnContext, deps: BotDeps, info: TurnInfo): Promise<void> {
  if (info.conversationType === 'personal') return;
  await refreshChat(context, deps, info);
}
