import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../botDeps';
import type { TurnInfo } from '../turnInfo';

/** A chat command's handler: the text after the command word, already split off. */
export type CommandHandler = (context: TurnContext, deps: BotDeps, info: TurnInfo, args: string) => Promise<void>;

/** A card button's handler: the button's data merged with the card's inputs, as Teams sent it. */
export type CardActionHandler = (context: TurnContext, deps: BotDeps, info: TurnInfo, data: unknown) => Promise<void>;
