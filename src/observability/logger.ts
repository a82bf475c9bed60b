import pino, { type Logger } from 'pino';

/** The structured logger every room writes to. */
export type { Logger };

/**
 * Creates the JSON logger. Logs carry ids, the conversation and the command word, never message
 * text: chat content belongs to the chat.
 */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'meeting-actions' }, timestamp: pino.stdTimeFunctions.isoTime });
}
