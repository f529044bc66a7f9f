// Builds the TV app for /tv/: a modern bundle for recent engines and a real ES5 one for 2017-era TVs.
import { defineConfig, type Plugin } from 'vite';
import legacy from '@vitejs/plugin-legacy';
import blits from '@lightningjs/blits/vite';
import { Type } from 'typebox';

/**
 * The contracts declare their shapes with typebox for the API's validation; the TV only needs their types and a few
 * constants. This swaps typebox for a stub whose builders do nothing, so ~40 KB of schema machinery never ships and
 * the schema constants tree-shake away.
 */
function typeboxStub(): Plugin {
  const id = '\0palier-typebox-stub';
  return {
    name: 'palier-typebox-stub',
    enforce: 'pre',
    resolveId(source) {
      return source === 'typebox' ? id : null;
    },
    load(source) {
      if (source !== id) return null;
      const builders = Object.keys(Type)
        .filter((name) => /^[A-Za-z_$][\w$]*$/.test(name))
        .map((name) => `  ${name}: schema,`)
        .join('\n');
      return `const schema = function () { return {}; };\nexport const Type = {\n${builders}\n};\n`;
    },
  };
}

export default defineConfig({
  // Relative, so one build runs at the API's /tv/, from a Tizen widget or webOS package (file:// or app://) and from
  // an HbbTV operator's web server, with palier-config.js beside index.html saying which landlord it serves.
  base: './',
  plugins: [
    typeboxStub(),
    // Blits precompiles templates so no template parser (and no eval) ships to the TV.
    ...blits,
    legacy({
      // Samsung Tizen 3 (2017) is Chromium 47, LG webOS 4 is Chromium 53; HbbTV browsers are often older WebKits.
      // Chromium 47 already knows some ES2015 syntax, so Babel would keep it; listing IE 11 forces plain ES5 syntax,
      // which the older HbbTV engines need and which the build test checks.
      targets: ['chrome >= 47', 'safari >= 9', 'ie >= 11'],
    }),
  ],
  // The renderer mirrors its nodes into the DOM (the inspector) only when __DEV__ is true: index.html sets it from
  // ?inspector=1 before any module runs, so tests and support can look inside a production build.
  define: { __DEV__: 'window.__PALIER_DEV__' },
  resolve: { mainFields: ['browser', 'module', 'jsnext:main', 'jsnext'] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1024,
  },
  server: { host: '0.0.0.0', port: 5173 },
  preview: { port: 4310, strictPort: true },
});
