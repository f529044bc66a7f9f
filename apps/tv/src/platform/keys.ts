// The remote's keys, one map per platform, all in this one place. Values are the Blits input names the components handle.
import type { PlatformName } from './detect';

export type KeyMap = Record<string | number, string>;

/** Shared by every platform: arrows, OK, digits and the four colour keys (403–406 on Tizen, webOS and most HbbTV). */
const common: KeyMap = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
  Enter: 'enter',
  37: 'left',
  38: 'up',
  39: 'right',
  40: 'down',
  13: 'enter',
  403: 'red',
  404: 'green',
  405: 'yellow',
  406: 'blue',
  48: 'digit0',
  49: 'digit1',
  50: 'digit2',
  51: 'digit3',
  52: 'digit4',
  53: 'digit5',
  54: 'digit6',
  55: 'digit7',
  56: 'digit8',
  57: 'digit9',
};

/** A computer's keyboard: Escape or Backspace go back; R/G/Y/B stand in for the colour keys. */
const browser: KeyMap = {
  ...common,
  Escape: 'back',
  Backspace: 'back',
  27: 'back',
  8: 'back',
  r: 'red',
  g: 'green',
  y: 'yellow',
  b: 'blue',
  ColorF0Red: 'red',
  ColorF1Green: 'green',
  ColorF2Yellow: 'yellow',
  ColorF3Blue: 'blue',
};

/** Samsung Tizen: Back is 10009 (XF86Back); colour keys must also be registered (see lifecycle). */
const tizen: KeyMap = {
  ...common,
  10009: 'back',
  XF86Back: 'back',
  Escape: 'back',
  27: 'back',
};

/** LG webOS: Back is 461 (GoBack). */
const webos: KeyMap = {
  ...common,
  461: 'back',
  GoBack: 'back',
  Escape: 'back',
  27: 'back',
};

/** HbbTV: VK_BACK is 8; colour key codes come from the KeyEvent object when the browser defines it. */
function hbbtv(): KeyMap {
  const map: KeyMap = { ...common, 8: 'back', 461: 'back', Escape: 'back', 27: 'back' };
  const keyEvent = (window as unknown as { KeyEvent?: Record<string, number> }).KeyEvent;
  if (keyEvent) {
    const named: Array<[string, string]> = [
      ['VK_RED', 'red'],
      ['VK_GREEN', 'green'],
      ['VK_YELLOW', 'yellow'],
      ['VK_BLUE', 'blue'],
      ['VK_BACK', 'back'],
      ['VK_ENTER', 'enter'],
      ['VK_LEFT', 'left'],
      ['VK_RIGHT', 'right'],
      ['VK_UP', 'up'],
      ['VK_DOWN', 'down'],
    ];
    named.forEach(([constant, input]) => {
      if (typeof keyEvent[constant] === 'number') map[keyEvent[constant]] = input;
    });
  }
  return map;
}

export function keyMapFor(platform: PlatformName): KeyMap {
  switch (platform) {
    case 'tizen':
      return tizen;
    case 'webos':
      return webos;
    case 'hbbtv':
      return hbbtv();
    default:
      return browser;
  }
}

/** Tizen delivers colour and digit keys only once registered by name. */
export const tizenKeysToRegister = [
  'ColorF0Red',
  'ColorF1Green',
  'ColorF2Yellow',
  'ColorF3Blue',
  '0',
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
];
