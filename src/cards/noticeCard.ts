import { prepareCard, type AdaptiveCardJson } from './render';
import template from './templates/noticeCard.json';

/** The data the notice card binds to. */
export interface NoticeCardData {
  title: string;
  message: string;
  style: 'good' | 'attention' | 'warning' | 'accent';
}

const render = prepareCard<NoticeCardData>(template);

/** Draws a short message card: why a click was refused, or what went wrong and what to do next. */
export function renderNoticeCard(data: NoticeCardData): AdaptiveCardJson {
  return render(data);
}
