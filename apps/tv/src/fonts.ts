// Loads the two type faces under one family name: Atkinson Hyperlegible for Latin, Noto Sans Arabic for Arabic.
// Blits' canvas ("web") text renderer then draws either script with the same family, shaped and in the right order.
import latin400 from '@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-400-normal.woff2?url';
import latin700 from '@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-700-normal.woff2?url';
import arabic400 from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2?url';
import arabic700 from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-700-normal.woff2?url';
import { fonts } from './theme';

const LATIN = 'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+2000-206F, U+2074, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD';
const ARABIC = 'U+0600-06FF, U+0750-077F, U+0870-088E, U+0890-0891, U+0897-08E1, U+08E3-08FF, U+200C-200E, U+2010-2011, U+204F, U+2E41, U+FB50-FDFF, U+FE70-FE74, U+FE76-FEFC';

interface FontFaceSetLike {
  add(face: FontFace): void;
}

/** The Latin faces' files, also handed to Blits so its text renderer knows the families. */
export const fontFiles = { regular: latin400, bold: latin700 };

/** Atkinson's vertical metrics, with room above and below for Arabic's taller letters and marks. */
export const fontMetrics = { ascender: 1000, descender: -330, lineGap: 0, unitsPerEm: 1000 };

/** Resolves when the faces are loaded, or after a timeout: on a slow line the app shows with fallback faces, then redraws. */
export function loadFonts(timeoutMs = 4000): Promise<void> {
  const set = (document as unknown as { fonts?: FontFaceSetLike }).fonts;
  if (typeof FontFace !== 'function' || !set) return Promise.resolve();
  const faces: Array<[string, string, string]> = [
    [fonts.regular, latin400, LATIN],
    [fonts.regular, arabic400, ARABIC],
    [fonts.bold, latin700, LATIN],
    [fonts.bold, arabic700, ARABIC],
  ];
  const loads = faces.map(([family, url, range]) => {
    try {
      const face = new FontFace(family, 'url(' + url + ')', { unicodeRange: range });
      set.add(face);
      return face.load().then(
        () => undefined,
        () => undefined,
      );
    } catch {
      return Promise.resolve();
    }
  });
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, timeoutMs));
  return Promise.race([Promise.all(loads).then(() => undefined), timeout]);
}
