import { CARD_VERBS, type CardVerb } from '../cards/verbs';
import type { CommandName } from '../domain/command';
import { handleActionCommand } from './handlers/actionCommandHandler';
import { handleAddUpdate } from './handlers/addUpdateHandler';
import { handleApproveCommand } from './handlers/approveCommandHandler';
import { handleApologies, handleDeputy, handlePresent } from './handlers/attendanceHandlers';
import { handleChairDigestCommand } from './handlers/chairDigestCommandHandler';
import { handleChangeDueDate } from './handlers/changeDueDateHandler';
import { handleCloseAction } from './handlers/closeActionHandler';
import { handleCloseCommand } from './handlers/closeCommandHandler';
import { handleCreateAction } from './handlers/createActionHandler';
import { handleCreateActionFetch } from './handlers/createActionFetchHandler';
import { handleCreateActionSubmit } from './handlers/createActionSubmitHandler';
import { handleDecisionCommand } from './handlers/decisionCommandHandler';
import { handleDigestClose } from './handlers/digestCloseHandler';
import { handleHelp, handleHelpTopic } from './handlers/helpHandler';
import { handleInstalled, handleMembersChanged } from './handlers/installationHandlers';
import { handleItemCommand } from './handlers/itemCommandHandler';
import { handleListActions } from './handlers/listActionsHandler';
import { handleMattersCommand } from './handlers/mattersCommandHandler';
import { handleMeetingCommand } from './handlers/meetingCommandHandler';
import { handleMeetingEnd, handleMeetingStart, handleParticipantsJoined } from './handlers/meetingEventHandlers';
import { handleMinutesCommand } from './handlers/minutesCommandHandler';
import { handleMyActions } from './handlers/myActionsHandler';
import { handleNextMeeting } from './handlers/nextMeetingHandler';
import { handleNoteCommand } from './handlers/noteCommandHandler';
import { handlePlannerCommand } from './handlers/plannerCommandHandler';
import { handleReassignAction } from './handlers/reassignActionHandler';
import { handleReassignPick } from './handlers/reassignPickHandler';
import { handleRefreshCard } from './handlers/refreshCardHandler';
import { handleSaveSettings, handleSettingsCommand, handleSettingsInChat } from './handlers/settingsHandlers';
import { handleShowMore } from './handlers/showMoreHandler';
import { handleSnooze } from './handlers/snoozeHandler';
import { handleAcceptSuggestion, handleDismissSuggestion } from './handlers/suggestionHandlers';
import { handleUpdateCommand } from './handlers/updateCommandHandler';
import { EXTENSION_COMMANDS, type ExtensionCommandId } from './extensionCommands';
import type { CardHandler, CommandHandler, EventHandler, ExtensionHandler, TeamsEvent } from './turn';

/** Every way into the bot, in one table: chat commands, 1:1 commands, card verbs, message-extension commands and Teams events. */
export interface RouteTable {
  /** Chat command → handler; typed over every command, so none can be left unrouted. */
  commands: Record<CommandName, CommandHandler>;
  /** What a 1:1 chat with the bot understands: your own actions and settings; captures belong in a meeting chat. */
  personalCommands: Partial<Record<CommandName, CommandHandler>>;
  /** Card verb → handler, keyed by the same constants the card templates use. */
  cardVerbs: Record<CardVerb, CardHandler>;
  /** Message-extension command id (as the manifest declares it) → its dialog's opening and its Save. */
  extensionCommands: Record<ExtensionCommandId, { fetchTask: ExtensionHandler; submitAction: ExtensionHandler }>;
  /** Teams event → handler. */
  events: { [K in TeamsEvent['kind']]: EventHandler<K> };
}

/** The bot's routes. */
export const ROUTES: RouteTable = {
  commands: {
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
    planner: handlePlannerCommand,
    settings: handleSettingsInChat,
    help: handleHelp,
  },
  personalCommands: {
    actions: handleMyActions,
    settings: handleSettingsCommand,
    help: handleHelp,
  },
  cardVerbs: {
    [CARD_VERBS.create]: handleCreateAction,
    [CARD_VERBS.close]: handleCloseAction,
    [CARD_VERBS.update]: handleAddUpdate,
    [CARD_VERBS.reassignPick]: handleReassignPick,
    [CARD_VERBS.reassign]: handleReassignAction,
    [CARD_VERBS.changeDue]: handleChangeDueDate,
    [CARD_VERBS.refresh]: handleRefreshCard,
    [CARD_VERBS.snooze]: handleSnooze,
    [CARD_VERBS.digestClose]: handleDigestClose,
    [CARD_VERBS.saveSettings]: handleSaveSettings,
    [CARD_VERBS.showMore]: handleShowMore,
    [CARD_VERBS.helpTopic]: handleHelpTopic,
    [CARD_VERBS.acceptSuggestion]: handleAcceptSuggestion,
    [CARD_VERBS.dismissSuggestion]: handleDismissSuggestion,
  },
  extensionCommands: {
    [EXTENSION_COMMANDS.createAction]: { fetchTask: handleCreateActionFetch, submitAction: handleCreateActionSubmit },
  },
  events: {
    meetingStart: handleMeetingStart,
    meetingEnd: handleMeetingEnd,
    participantsJoined: handleParticipantsJoined,
    installed: handleInstalled,
    membersChanged: handleMembersChanged,
  },
};
