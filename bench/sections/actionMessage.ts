import { runLoad } from '../loadGenerator';
import { exchangeReport, runExchange } from './exchange';
import type { BenchSection } from './section';

/**
 * Issue 7, part 1: `/action` posted as Teams would → the card arriving at the fake connector,
 * for the bot and the echo bot. A request counts only when its card reached the connector.
 */
export const actionMessageSection: BenchSection = {
  id: 'action',
  run: async (context) => {
    const { chats } = context;
    // The first /action in each chat reads its roster from Teams; do that before anything is timed.
    const seeded = await runLoad({
      url: context.bot.url,
      path: '/api/messages',
      concurrency: 1,
      requests: chats.count,
      maxSeconds: context.config.maxSecondsPerRound,
      body: (index) => chats.actionMessage(index, true).activity,
    });
    chats.collect();
    context.log(`/action: seeded ${seeded.latenciesMs.length} chats (${seeded.errors.length} errors)`);
    const levels = await runExchange(context, {
      id: 'action',
      title: '/action',
      requests: context.config.requests,
      request: (kind, index) => chats.actionMessage(index, kind === 'bot'),
      checkAnswer: () => undefined,
      checkConnector: (_kind, request) => (chats.takeCardReply(request.id) ? undefined : `no card arrived for ${request.id}`),
    });
    return exchangeReport(
      '/action → card',
      'HTTP POST of a Teams `/action` message (unique id and text, an @mentioned owner, "by Friday") until the answer; the bot answers after its card reached the fake connector, and each card is checked there.',
      levels,
    );
  },
};
