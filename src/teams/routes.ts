import { CARD_VERBS, type CardVerb } from '../cards/verbs';
import type { CommandName } from '../domain/command';
import { handleActionCommand } from './handlers/actionCommandHandler';
import { handleApologies, handleDeputy, handlePresent } from './handlers/attendanceHandlers';
import { handleApproveCommand } from './handlers/approveCommandHandler';
import { handleMattersCommand } from './handlers/mattersCommandHandler';
import { handleMeetingCommand } from './handlers/meetingCommandHandler';
import { handleMinutesCommand } from './handlers/minutesCommandHandler';
import { handleNoteCommand } from './handlers/noteCommandHandler';
import { handleAddUpdate } from './handlers/addUpdateHandler';
import { handleChangeDueDate } from './handlers/changeDueDateHandler';
import { handleCloseAction } from './handlers/closeActionHandler';
import { handleCloseCommand } from './handlers/closeCommandHandler';
import { handleChairDigestCommand } from './handlers/chairDigestCommandHandler';
import { handleCreateAction } from './handlers/createActionHandler';
import { handleDecisionCommand } from './handlers/decisionCommandHandler';
import { handleDigestClose } from './handlers/digestCloseHandler';
import type { CardActionHandler, CommandHandler } from './handlers/handlerTypes';
import { handleHelp } from './handlers/helpHandler';
import { handleItemCommand } from './handlers/itemCommandHandler';
import { handleListActions } from './handlers/listActionsHandler';
import { handleMyActions } from './handlers/myActionsHandler';
import { handleNextMeeting } from './handlers/nextMeetingHandler';
import { handleReassignAction } from './handlers/reassignActionHandler';
import { handleRefreshCard } from './handlers/refreshCardHandler';
import { handleSaveSettings, handleSettingsCommand, handleSettingsInChat } from './handlers/settingsHandlers';
import { handleSnooze } from './handlers/snoozeHandler';
import { handleUpdateCommand } from './handlers/updateCommandHandler';

/** Chat command → handler. Typed as a record over every command, so none can be left unrouted. */
export const COMMAND_ROUTES: Record<CommandName, CommandHandler> = {
  action: handleActionCommand,
  decision: handleDecisionCommand,
  item: handleItemCommand,
  actions: handleListActions,
  close: handleCloseCommand,
  update: handleUpdateCommand,
  meeting: handleMeetingCommand,
  present: handlePresent,
  apologies: handleApologies,
  deputy: handleDeputy,
  note: handleNoteCommand,
  matters: handleMattersCommand,
  approve: handleApproveCommand,
  minutes: handleMinutesCommand,
  next: handleNextMeeting,
  digest: handleChairDigestCommand,
  settings: handleSettingsInChat,
  help: handleHelp,
};

/** What a 1:1 chat with the bot understands: your own actions and settings; captures belong in a meeting chat. */
export const PERSONAL_ROUTES: Partial<Record<CommandName, CommandHandler>> = {
  actions: handleMyActions,
  settings: handleSettingsCommand,
  help: handleHelp,
};

/** Card verb → handler, keyed by the same constants the card templates use. */
export const CARD_ROUTES: Record<CardVerb, CardActionHandler> = {
  [CARD_VERBS.create]: handleCreateAction,
  [CARD_VERBS.close]: handleCloseAction,
  [CARD_VERBS.update]: handleAddUpdate,
  [CARD_VERBS.reassign]: handleReassignAction,
  [CARD_VERBS.changeDue]: handleChangeDueDate,
  [CARD_VERBS.refresh]: handleRefreshCard,
  [CARD_VERBS.snooze]: handleSnooze,
  [CARD_VERBS.digestClose]: handleDigestClose,
  [CARD_VERBS.saveSettings]: handleSaveSettings,
};
