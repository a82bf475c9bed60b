import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Width of a card in a Teams chat, in CSS pixels. */
export const CARD_WIDTH = 460;
const MARGIN = 16;

/** Teams' light-theme text colours, the same on plain and emphasised containers. */
const TEAMS_LIGHT_COLORS = {
  default: { default: '#242424', subtle: '#616161' },
  accent: { default: '#5B5FC7', subtle: '#444791' },
  good: { default: '#0E700E', subtle: '#107C10' },
  warning: { default: '#835C00', subtle: '#835C00' },
  attention: { default: '#C4314B', subtle: '#A72037' },
  dark: { default: '#242424', subtle: '#616161' },
  light: { default: '#FFFFFF', subtle: '#F5F5F5' },
};

/** A Teams-like light host config: Teams' font stack, neutral greys, its purple accent, its spacing. */
const HOST_CONFIG = {
  fontFamily: "'Segoe UI', 'Segoe UI Web (West European)', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', Arial, sans-serif",
  supportsInteractivity: true,
  spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#E0E0E0' },
  fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 300, default: 400, bolder: 600 },
  imageSizes: { small: 32, medium: 52, large: 100 },
  actions: { maxActions: 6, spacing: 'default', buttonSpacing: 8, showCard: { actionMode: 'inline', inlineTopMargin: 16 }, actionsOrientation: 'horizontal', actionAlignment: 'left' },
  containerStyles: {
    default: {
      backgroundColor: '#FFFFFF',
      foregroundColors: TEAMS_LIGHT_COLORS,
    },
    emphasis: {
      backgroundColor: '#F5F5F5',
      foregroundColors: TEAMS_LIGHT_COLORS,
    },
  },
};

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

/** Options for a card's page. */
export interface CardPageOptions {
  /** Draws the card in a Teams dialog with this title, rather than in a chat message. */
  dialogTitle?: string;
}

/** A page that renders one card with the official Adaptive Cards renderer, in a Teams-like message or dialog. */
export function cardPage(card: Record<string, unknown>, options: CardPageOptions = {}): string {
  const font = HOST_CONFIG.fontFamily;
  const renderer = pathToFileURL(resolve(__dirname, '../../../node_modules/adaptivecards/dist/adaptivecards.min.js')).href;
  return `<!doctype html>
<html><head><meta charset="utf-8"><style>
  html, body { margin: 0; background: #F5F5F5; font-family: ${font}; }
  button, input, select, textarea { font-family: ${font} !important; }
  #message { margin: ${MARGIN}px; width: ${CARD_WIDTH - 2 * MARGIN}px; background: #FFFFFF; border-radius: 6px;
    box-shadow: 0 1px 2px rgba(0,0,0,.14), 0 0 2px rgba(0,0,0,.12); overflow: hidden; }
  .ac-pushButton { border: 1px solid #D1D1D1; border-radius: 4px; background: #FFFFFF; color: #242424; padding: 5px 12px;
    font-weight: 600; font-size: 14px; }
  .ac-input { font-size: 14px; border: 1px solid #D1D1D1; border-radius: 4px; padding: 5px 8px; }
  a { color: #5B5FC7; }
  .people-picker { display: flex; flex: 1 1 auto; width: 100%; box-sizing: border-box; flex-wrap: wrap; gap: 4px; align-items: center; border: 1px solid #D1D1D1; border-radius: 4px; padding: 4px 6px; min-height: 24px; font-size: 14px; }
  .person { display: inline-flex; align-items: center; gap: 6px; background: #F0F0F0; border-radius: 12px; padding: 1px 8px 1px 1px; color: #242424; }
  .avatar { width: 20px; height: 20px; border-radius: 50%; background: #C5CBFA; color: #242424; font-size: 10px; font-weight: 600; display: inline-flex; align-items: center; justify-content: center; }
  .remove { color: #616161; }
  .search { color: #707070; padding: 2px 4px; }
  .dialog-title { display: flex; justify-content: space-between; padding: 16px 16px 0; font-size: 18px; font-weight: 600; color: #242424; }
</style>
<script src="${renderer}"></script></head>
<body><div id="message">${options.dialogTitle ? `<div class="dialog-title"><span>${escapeHtml(options.dialogTitle)}</span><span>×</span></div>` : ''}</div>
<script>
${MARKDOWN}
${PEOPLE_PICKER}
AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => { result.outputHtml = markdown(text); result.didProcess = true; };
const card = new AdaptiveCards.AdaptiveCard();
card.hostConfig = new AdaptiveCards.HostConfig(${JSON.stringify(HOST_CONFIG)});
card.parse(${JSON.stringify(card)});
document.getElementById('message').appendChild(card.render());
for (const picker of ${JSON.stringify(peoplePickersIn(card))}) drawPeoplePicker(card, picker);
document.body.dataset.height = String(Math.ceil(document.getElementById('message').getBoundingClientRect().bottom) + ${MARGIN});
</script></body></html>`;
}

/** Where a picture goes: docs/images/<name>.png in the repository. */
export function picturePath(name: string): string {
  return join(resolve(__dirname, '../../..'), 'docs/images', `${name}.png`);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
