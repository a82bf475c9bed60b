import { runLoad, type LoadResponse } from '../loadGenerator';
import type { TargetKind } from '../targets';
import { exchangeReport, runExchange } from './exchange';
import type { BenchContext, BenchSection } from './section';

const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/**
 * Issue 7, part 2: an owner clicking Close on an action card (`adaptiveCard/action` invoke) → the
 * shared card updated at the connector and the clicker's card in the HTTP answer. Every click
 * closes a different open action, posted by the bot earlier.
 */
export const closeInvokeSection: BenchSection = {
  id: 'close',
  run: async (context) => {
    await ensureClosableCards(context);
    const { chats } = context;
    const levels = await runExchange(context, {
      id: 'close',
      title: 'Close',
      requests: context.config.invokeRequests,
      request: (kind, index) => {
        if (kind === 'echo') return chats.echoCloseClick(index);
        const click = chats.closeClick();
        if (!click) throw new Error('the bench ran out of open actions to close');
        return click;
      },
      checkAnswer: checkInvokeAnswer,
      checkConnector: (_kind, request) =>
        request.messageId && chats.takeUpdate(request.messageId) ? undefined : `the card ${request.messageId ?? '?'} was not updated`,
    });
    return exchangeReport(
      'Close (invoke)',
      'HTTP POST of an `adaptiveCard/action` invoke (the chair clicks Close, with a note) until the answer carrying the clicker\'s card; before answering, both bots update the shared card at the fake connector (one PUT), and each update is checked there.',
      levels,
    );
  },
};

function checkInvokeAnswer(kind: TargetKind, response: LoadResponse): string | undefined {
  let answer: { type?: string; value?: unknown };
  try {
    answer = JSON.parse(response.body) as { type?: string; value?: unknown };
  } catch {
    return `the invoke answer is not JSON: ${response.body.slice(0, 120)}`;
  }
  if (answer.type !== CARD_CONTENT_TYPE) return `the invoke answer is not a card: ${response.body.slice(0, 120)}`;
  if (kind === 'bot' && !JSON.stringify(answer.value).includes('now sees it closed')) return `the action was not closed: ${response.body.slice(0, 200)}`;
  return undefined;
}

/** Posts (unmeasured) enough `/action`s to the bot that every Close click has its own open action. */
async function ensureClosableCards(context: BenchContext): Promise<void> {
  const { config, chats } = context;
  const botRounds = Array.from({ length: config.rounds }, (_, index) => index % 4 === 0 || index % 4 === 3).filter(Boolean).length;
  const needed = config.warmup + config.concurrency.length * botRounds * config.invokeRequests;
  const missing = needed - chats.closableCount;
  if (missing <= 0) return;
  context.log(`Close: posting ${missing} more actions to close`);
  const result = await runLoad({
    url: context.bot.url,
    path: '/api/messages',
    concurrency: 16,
    requests: missing,
    maxSeconds: config.maxSecondsPerRound * 10,
    body: (index) => chats.actionMessage(index, true).activity,
  });
  chats.collect();
  if (chats.closableCount < needed) throw new Error(`only ${chats.closableCount} of ${needed} actions to close were posted (${result.errors[0] ?? 'no error reported'})`);
}
