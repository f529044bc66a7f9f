// What every component needs to draw itself: the catalogue of the current language, its direction and the type scale.
import { catalogue, isRtl, type Catalogue } from '../i18n';
import { colours, fonts, typeScale, type TypeScale } from '../theme';
import { state } from '../store';
import { reportFocus } from '../testing';
import { currentPlatform } from '../platform';

/** Computed properties shared by all components; reading $appState keeps them reactive. */
export const lookComputed = {
  c() {
    return colours;
  },
  f() {
    return fonts;
  },
  t(this: { $appState: { language: 'fr' | 'en' | 'ar' } }): Catalogue {
    return catalogue(this.$appState.language);
  },
  rtl(this: { $appState: { language: 'fr' | 'en' | 'ar' } }): boolean {
    return isRtl(this.$appState.language);
  },
  ts(this: { $appState: { textSize: 'normal' | 'large' } }): TypeScale {
    return typeScale(this.$appState.textSize);
  },
};

/** Mirrors a box's x for right-to-left: the same design, read from the other side. */
export function mirrorX(x: number, w: number, rtl: boolean, containerWidth = 1920): number {
  return rtl ? containerWidth - x - w : x;
}

/**
 * A focusable element got the focus: tell the tests and, when voice reading is on, read its label aloud.
 */
export function announceFocus(label: string, spoken?: string): void {
  reportFocus(label);
  speak(spoken || label);
}

export function speak(text: string): void {
  const current = state();
  if (current.voice) currentPlatform().voice.speak(text, current.language);
}

/** Left/Right as a step along a row: in right-to-left, the next item is to the left. */
export function horizontalStep(direction: 'left' | 'right', rtl: boolean): number {
  const step = direction === 'right' ? 1 : -1;
  return rtl ? -step : step;
}
