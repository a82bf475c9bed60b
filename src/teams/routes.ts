import { CARD_VERBS, type CardVerb } from '../cards/verbs';
import type { CommandName } from '../domain/command';
import { handleActionCommand } from './handlers/actionCommandHandler';
import { handleAddUpdate } from './handlers/addUpdateHandler';
import { handleChangeDueDate } from './handlers/changeDueDateHandler';
import { handleCloseAction } from './handlers/closeActionHandler';
import { handleCloseCommand } from './handlers/closeCommandHandler';
import { handleCreateAction } from './handlers/createActionHandler';
import { handleDecisionCommand } from './handlers/decisionCommandHandler';
import type { CardActionHandler, CommandHandler } from './handlers/handlerTypes';
import { handleHelp } from './handlers/helpHandler';
import { handleItemCommand } from './handlers/itemCommandHandler';
import { handleListActions } from './handlers/listActionsHandler';
import { handleReassignAction } from './handlers/reassignActionHandler';
import { handleRefreshCard } from './handlers/refreshCardHandler';
import { handleUpdateCommand } from './handlers/updateCommandHandler';

/** Chat command → handler. Typed as a record over every command, so none can be left unrouted. */
export const COMMAND_ROUTES: Record<CommandName, CommandHandler> = {
  action: handleActionCommand,
  decision: handleDecisionCommand,
  item: handleItemCommand,
  actions: handleListActions,
  close: handleCloseCommand,
  update: handleUpdateCommand,
  help: handleHelp,
};

/** Commands that make sense in a 1:1 chat with the bot; the rest belong to a meeting chat. */
export const PERSONAL_COMMANDS: ReadonlySet<CommandName> = new Set(['help']);

/** Card verb → handler, keyed by the same constants the card templates use. */
export const CARD_ROUTES: Record<CardVerb, CardActionHandler> = {
  [CARD_VERBS.create]: handleCreateAction,
  [CARD_VERBS.close]: handleCloseAction,
  [CARD_VERBS.update]: handleAddUpdate,
  [CARD_VERBS.reassign]: handleReassignAction,
  [CARD_VERBS.changeDue]: handleChangeDueDate,
  [CARD_VERBS.refresh]: handleRefreshCard,
};
