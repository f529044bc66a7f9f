// A step page's column of large buttons (the helpers' pages): where each choice sits, mirrored in right-to-left, and
// body text whose lines keep their numbers and dates in place in Arabic.
import { reportMessage } from '../testing';
import { speak } from './look';

export interface ColumnChoice {
  /** What OK does: `kind:value`. */
  action: string;
  label: string;
}

export interface ColumnButton extends ColumnChoice {
  id: string;
  key: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

let renders = 0;

/** One button per choice from `top` down; each call makes new keys, so Blits redraws the whole column. */
export function layoutButtonColumn<T extends ColumnChoice>(
  choices: T[],
  top: number,
  place: { left: number; width: number; rtl: boolean; textScale: number },
): Array<T & ColumnButton> {
  renders += 1;
  const h = Math.round(96 * (place.textScale > 1 ? 1.15 : 1));
  return choices.map((choice, i) => ({
    ...choice,
    id: choice.action.split(':')[0] as string,
    key: [renders, i, choice.action, choice.label].join('|'),
    x: place.rtl ? 1920 - place.left - place.width : place.left,
    y: top + i * (h + 24),
    w: place.width,
    h,
  }));
}

/**
 * The renderer lays a line out left to right even when it aligns it right: in Arabic a receipt number or a date then
 * jumps to the wrong end. A right-to-left embedding at the start of each line sets its direction.
 */
export function rightToLeftLines(text: string): string {
  return text
    .split('\n')
    .map((line) => (line ? '\u202b' + line : line))
    .join('\n');
}

/** What a step page with a button column holds, for the methods below. */
interface ColumnPage {
  choices: ColumnChoice[];
  items: ColumnButton[];
  index: number;
  step: string;
  title: string;
  body: string;
  failed: boolean;
  waiting: string;
  rtl: boolean;
  ts: { k: number };
  $setTimeout(callback: () => void, ms: number): unknown;
  focusItem(): void;
}

/** Where the column stands on a 1920-wide screen (the helpers' pages). */
export const COLUMN_LEFT = 96;
export const COLUMN_WIDTH = 1400;

/**
 * The methods a step page with a button column shares (spread into its `methods`): lay the column out and focus its
 * first button, show a step's title and body (said aloud, reported to the tests), show that something is loading.
 */
export const buttonColumnPage = {
  setChoices(this: ColumnPage, choices: ColumnChoice[], top: number) {
    this.choices = choices;
    this.items = layoutButtonColumn(choices, top, { left: COLUMN_LEFT, width: COLUMN_WIDTH, rtl: this.rtl, textScale: this.ts.k });
    this.index = 0;
    this.$setTimeout(() => this.focusItem(), 0);
  },
  present(this: ColumnPage, step: string, title: string, body: string, failed = false) {
    this.step = step;
    this.title = title;
    this.body = this.rtl ? rightToLeftLines(body) : body;
    this.failed = failed;
    this.waiting = '';
    reportMessage(title + (body ? ' — ' + body : ''));
    speak(title + '. ' + body);
  },
  wait(this: ColumnPage, message: string) {
    this.waiting = message;
    reportMessage(message);
  },
};
