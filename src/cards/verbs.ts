/**
 * The `verb` of every card button. Card templates receive these as data and handlers register under
 * them, so a button and its handler cannot disagree about a name.
 */
export const CARD_VERBS = {
  /** Save the new-action form. */
  create: 'action.create',
  /** Close an action (optional note). */
  close: 'action.close',
  /** Add an update note. */
  update: 'action.update',
  /** Show the owner picker on the clicker's copy (Reassign's first step). */
  reassignPick: 'action.reassignPick',
  /** Replace the owners with the people picked. */
  reassign: 'action.reassign',
  /** Set or clear the due date. */
  changeDue: 'action.changeDue',
  /** Teams' automatic refresh of a user-specific view. */
  refresh: 'action.refresh',
  /** Put off an owner's next reminder (1 or 7 days). */
  snooze: 'action.snooze',
  /** Close an action from the weekly digest (answers with the digest, not the action). */
  digestClose: 'digest.close',
  /** Save the 1:1 notification settings. */
  saveSettings: 'settings.save',
  /** The next page of a list (open actions, a digest, the action log), for the person who clicked. */
  showMore: 'list.more',
  /** Open another part of `/help` on the clicker's card. */
  helpTopic: 'help.topic',
  /** Accept a suggested action from Copilot's recap (with the owner and due date chosen). */
  acceptSuggestion: 'suggestion.accept',
  /** Dismiss a suggested action. */
  dismissSuggestion: 'suggestion.dismiss',
} as const;

/** One of the card verbs. */
export type CardVerb = (typeof CARD_VERBS)[keyof typeof CARD_VERBS];
