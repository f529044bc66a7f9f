// The 10-foot design system: 1920×1080 design space, safe area, type scale and colours.
import { deployment } from '../deployment';

export const screen = { w: 1920, h: 1080 } as const;

/** 5% safe margin: TVs overscan, and the edges are hard to read from a sofa. */
export const safe = { x: 96, y: 54, w: 1920 - 2 * 96, h: 1080 - 2 * 54 } as const;

const brand = deployment().colours;

/** The landlord's profile may set the background, surfaces and accent; text and focus stay Palier's, for contrast. */
export const colours = {
  background: brand.background || '#0e1a24',
  surface: brand.surface || '#1c2d3b',
  surfaceRaised: '#26394a',
  text: '#f7f4ec',
  textMuted: '#cdd6de',
  focus: '#ffd54a',
  focusText: '#0e1a24',
  outline: '#ffffff',
  urgent: '#c62834',
  urgentText: '#ffffff',
  fresh: '#5cc8f5',
  selected: brand.accent || '#2f6f4f',
  danger: '#ff8a80',
  keyRed: '#e53935',
  keyGreen: '#43a047',
  keyYellow: '#fdd835',
  keyBlue: '#1e88e5',
  scrim: '#000000cc',
};

export type TextSize = 'normal' | 'large';

/** Type sizes in px at 1080p. Body text never goes under 32 px; "large" scales everything by a quarter. */
export function typeScale(textSize: TextSize) {
  const k = textSize === 'large' ? 1.25 : 1;
  const px = (n: number) => Math.round(n * k);
  return {
    k,
    small: px(32),
    body: px(36),
    label: px(40),
    heading: px(48),
    title: px(64),
    code: px(112),
    lineHeight: (size: number) => Math.round(size * 1.35),
  };
}

export type TypeScale = ReturnType<typeof typeScale>;

/** Focus is shown by size (scale) and a thick outline, never by colour alone. */
export const focusRing = { width: 6, gap: 6, scale: 1.06 } as const;

export const fonts = { regular: 'Palier', bold: 'PalierBold' } as const;
