import type { TurnContext } from 'botbuilder';

const UNREACHABLE = Symbol('connector unreachable in this turn');

/**
 * Whether the Bot Connector has already failed to answer in this turn. Then every later call in the
 * turn fails at once, so an unreachable `serviceUrl` costs one timeout, not one per call.
 */
export function connectorUnreachableInTurn(context: TurnContext): boolean {
  return context.turnState.get(UNREACHABLE) === true;
}

/** Records that the Bot Connector did not answer in this turn. */
export function markConnectorUnreachable(context: TurnContext): void {
  context.turnState.set(UNREACHABLE, true);
}
