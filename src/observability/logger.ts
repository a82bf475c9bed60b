import pino, { type DestinationStream, type Logger } from 'pino';

/** The structured logger every room writes to. */
export type { Logger };

/**
 * Creates the JSON logger. Logs carry ids, the conversation and the command word, never message
 * text: chat content belongs to the chat. Writes to stdout unless given a destination (tests read it).
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, base: { service: 'meeting-actions' }, timestamp: pino.stdTimeFunctions.isoTime };
  return destination ? pino(options, destination) : pino(options);
}
