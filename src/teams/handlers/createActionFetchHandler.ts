import { openActionDialog } from '../dialogs/actionDialog';
import type { ExtensionHandler } from '../turn';

/**
 * "Create action" chosen on a message's "…" menu, in the compose box or in the command box: answers
 * with the new-action form as a dialog, prefilled from the message when there is one.
 */
export const handleCreateActionFetch: ExtensionHandler = (turn, action) => openActionDialog(turn, action.source);
