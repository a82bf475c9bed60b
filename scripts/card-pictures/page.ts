import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Width of a card in a Teams chat, in CSS pixels. */
export const CARD_WIDTH = 460;
const MARGIN = 16;

/** A Teams theme as a picture needs it: the page and message colours, and the card's host config colours. */
interface Theme {
  page: string;
  message: string;
  shadow: string;
  text: { default: string; subtle: string };
  accent: { default: string; subtle: string };
  good: string;
  warning: string;
  attention: string;
  /** Background of the emphasis, accent, good, warning and attention containers (a notice band). */
  bands: { emphasis: string; accent: string; good: string; warning: string; attention: string };
  button: { background: string; border: string; text: string };
  separator: string;
}

/** Teams' light and dark themes, as far as cards show them. */
export const THEMES = {
  light: {
    page: '#F5F5F5', message: '#FFFFFF', shadow: '0 1px 2px rgba(0,0,0,.14), 0 0 2px rgba(0,0,0,.12)',
    text: { default: '#242424', subtle: '#616161' }, accent: { default: '#5B5FC7', subtle: '#444791' },
    good: '#0E700E', warning: '#835C00', attention: '#C4314B',
    bands: { emphasis: '#F5F5F5', accent: '#E8EBFA', good: '#E7F2DA', warning: '#FBF6D9', attention: '#FDE7E9' },
    button: { background: '#FFFFFF', border: '#D1D1D1', text: '#242424' }, separator: '#E0E0E0',
  },
  dark: {
    page: '#1F1F1F', message: '#292929', shadow: '0 1px 2px rgba(0,0,0,.5), 0 0 2px rgba(0,0,0,.4)',
    text: { default: '#FFFFFF', subtle: '#ADADAD' }, accent: { default: '#7F85F5', subtle: '#AAB1FA' },
    good: '#92C353', warning: '#F8D22A', attention: '#F1707B',
    bands: { emphasis: '#1F1F1F', accent: '#2F2F4A', good: '#1D2A12', warning: '#3D3314', attention: '#3E1F25' },
    button: { background: '#292929', border: '#5C5C5C', text: '#FFFFFF' }, separator: '#3D3D3D',
  },
} satisfies Record<string, Theme>;

/** The name of a theme pictures can be drawn in. */
export type ThemeName = keyof typeof THEMES;

/** A Teams-like host config in a theme: Teams' font stack, its greys, accent and spacing, and a coloured band per container style. */
function hostConfig(theme: Theme): Record<string, unknown> {
  const colors = {
    default: theme.text, dark: theme.text, light: theme.text, accent: theme.accent,
    good: { default: theme.good, subtle: theme.good }, warning: { default: theme.warning, subtle: theme.warning },
    attention: { default: theme.attention, subtle: theme.attention },
  };
  const style = (backgroundColor: string) => ({ backgroundColor, foregroundColors: colors });
  return {
    fontFamily: FONT,
    supportsInteractivity: true,
    spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
    separator: { lineThickness: 1, lineColor: theme.separator },
    fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
    fontWeights: { lighter: 300, default: 400, bolder: 600 },
    imageSizes: { small: 32, medium: 52, large: 100 },
    actions: { maxActions: MAX_ACTIONS, spacing: 'default', buttonSpacing: 8, showCard: { actionMode: 'inline', inlineTopMargin: 16 }, actionsOrientation: 'horizontal', actionAlignment: 'left' },
    containerStyles: {
      default: style(theme.message),
      emphasis: style(theme.bands.emphasis),
      accent: style(theme.bands.accent),
      good: style(theme.bands.good),
      warning: style(theme.bands.warning),
      attention: style(theme.bands.attention),
    },
  };
}

const FONT = "'Segoe UI', 'Segoe UI Web (West European)', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', Arial, sans-serif";
/** Teams shows at most six buttons on a card; fewer when they do not fit its width. */
const MAX_ACTIONS = 6;

// Teams renders a subset of Markdown in TextBlocks; this covers what the bot's cards use.
const MARKDOWN = `
function markdown(text) {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return escaped
    .replace(/\\*\\*(.+?)\\*\\*/g, '<strong>$1</strong>')
    .replace(/(^|\\W)_(.+?)_(?=\\W|$)/g, '$1<em>$2</em>')
    .replace(/\\[(.+?)\\]\\((.+?)\\)/g, '<a href="$2">$1</a>')
    .replace(/\\n/g, '<br>');
}`;

/** A people picker in a card: its input id and the names of the people chosen when it is drawn. */
interface PeoplePicker {
  id: string;
  chosen: string[];
}

/**
 * The card's people pickers (`Input.ChoiceSet` with `choices.data`), which the official renderer
 * would draw as checkboxes of the static choices: the page draws them as Teams does, a box holding
 * the chosen people and room to type a name.
 */
function peoplePickersIn(node: unknown): PeoplePicker[] {
  if (Array.isArray(node)) return node.flatMap(peoplePickersIn);
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  const inner = Object.values(record).flatMap(peoplePickersIn);
  if (record['type'] !== 'Input.ChoiceSet' || !record['choices.data'] || typeof record['id'] !== 'string') return inner;
  const choices = (record['choices'] as Array<{ title: string; value: string }> | undefined) ?? [];
  const chosen = String(record['value'] ?? '').split(',').filter(Boolean).map((id) => choices.find((choice) => choice.value === id)?.title ?? id);
  return [{ id: record['id'], chosen }, ...inner];
}

// Teams' people picker: a chip per chosen person (initials in a circle), then "Type a name".
const PEOPLE_PICKER = `
function drawPeoplePicker(card, picker) {
  const control = card.getElementById(picker.id)?.renderedInputControlElement;
  if (!control) return;
  const box = document.createElement('div');
  box.className = 'people-picker';
  for (const name of picker.chosen) {
    const chip = document.createElement('span');
    chip.className = 'person';
    const initials = name.replace(/\\s*\\(.*\\)$/, '').split(/\\s+/).map((part) => part[0] || '').join('').slice(0, 2);
    chip.innerHTML = '<span class="avatar"></span><span class="name"></span><span class="remove">×</span>';
    chip.querySelector('.avatar').textContent = initials;
    chip.querySelector('.name').textContent = name;
    box.appendChild(chip);
  }
  const search = document.createElement('span');
  search.className = 'search';
  search.textContent = 'Type a name';
  box.appendChild(search);
  control.replaceWith(box);
}`;

/** How a card's page is drawn. */
export interface CardPageOptions {
  /** Teams' light or dark theme. */
  theme?: ThemeName;
  /** Draws the card in a Teams dialog with this title, rather than in a chat message. */
  dialogTitle?: string;
}

/**
 * A page that renders one card with the official Adaptive Cards renderer, in a Teams-like message
 * (or dialog).
 * Like Teams, it keeps the buttons that fit the card's width in a row and moves the rest into a
 * "…" overflow menu: it draws the card, and while the row overflows, draws it again with one
 * button fewer (the renderer puts the others in its overflow menu).
 */
export function cardPage(card: Record<string, unknown>, options: CardPageOptions = {}): string {
  const theme = THEMES[options.theme ?? 'light'];
  const renderer = pathToFileURL(require.resolve('adaptivecards/dist/adaptivecards.min.js')).href;
  return `<!doctype html>
<html><head><meta charset="utf-8"><style>
  html, body { margin: 0; background: ${theme.page}; font-family: ${FONT}; }
  button, input, select, textarea { font-family: ${FONT} !important; }
  #message { margin: ${MARGIN}px; width: ${CARD_WIDTH - 2 * MARGIN}px; background: ${theme.message}; border-radius: 6px;
    box-shadow: ${theme.shadow}; overflow: hidden; }
  .ac-pushButton { border: 1px solid ${theme.button.border}; border-radius: 4px; background: ${theme.button.background}; color: ${theme.button.text};
    padding: 5px 12px; font-weight: 600; font-size: 14px; white-space: nowrap; }
  .ac-input { font-size: 14px; border: 1px solid ${theme.button.border}; border-radius: 4px; padding: 5px 8px; background: ${theme.message}; color: ${theme.text.default}; }
  a { color: ${theme.accent.default}; }
  .people-picker { display: flex; flex: 1 1 auto; width: 100%; box-sizing: border-box; flex-wrap: wrap; gap: 4px; align-items: center; border: 1px solid ${theme.button.border}; border-radius: 4px; padding: 4px 6px; min-height: 24px; font-size: 14px; }
  .person { display: inline-flex; align-items: center; gap: 6px; background: ${theme.bands.emphasis}; border-radius: 12px; padding: 1px 8px 1px 1px; color: ${theme.text.default}; }
  .avatar { width: 20px; height: 20px; border-radius: 50%; background: ${theme.bands.accent}; color: ${theme.text.default}; font-size: 10px; font-weight: 600; display: inline-flex; align-items: center; justify-content: center; }
  .remove { color: ${theme.text.subtle}; }
  .search { color: ${theme.text.subtle}; padding: 2px 4px; }
  .dialog-title { display: flex; justify-content: space-between; padding: 16px 16px 0; font-size: 18px; font-weight: 600; color: ${theme.text.default}; }
</style>
<script src="${renderer}"></script></head>
<body><div id="message"></div>
<script>
${MARKDOWN}
${PEOPLE_PICKER}
AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => { result.outputHtml = markdown(text); result.didProcess = true; };
AdaptiveCards.GlobalSettings.allowMoreThanMaxActionsInOverflowMenu = true;
const json = ${JSON.stringify(card)};
const config = ${JSON.stringify(hostConfig(theme))};
const message = document.getElementById('message');
const title = ${JSON.stringify(options.dialogTitle ?? '')};
function draw(maxActions) {
  const card = new AdaptiveCards.AdaptiveCard();
  card.hostConfig = new AdaptiveCards.HostConfig({ ...config, actions: { ...config.actions, maxActions } });
  card.parse(json);
  message.replaceChildren(card.render());
  if (title) {
    const bar = document.createElement('div');
    bar.className = 'dialog-title';
    bar.innerHTML = '<span></span><span>×</span>';
    bar.firstChild.textContent = title;
    message.prepend(bar);
  }
  for (const picker of ${JSON.stringify(peoplePickersIn(card))}) drawPeoplePicker(card, picker);
}
function overflows() {
  return [...message.querySelectorAll('.ac-actionSet')].some((row) => row.scrollWidth > row.clientWidth + 1);
}
let maxActions = ${MAX_ACTIONS};
draw(maxActions);
while (overflows() && maxActions > 1) draw(--maxActions);
document.body.dataset.buttonsInRow = String(Math.min(maxActions, (json.actions || []).length));
document.body.dataset.height = String(Math.ceil(message.getBoundingClientRect().bottom) + ${MARGIN});
</script></body></html>`;
}

/** Where a picture goes: docs/images/<name>.png in the repository. */
export function picturePath(name: string): string {
  return join(resolve(__dirname, '../../..'), 'docs/images', `${name}.png`);
}
