// Blits ships no types for these two entry points.
declare module '@lightningjs/blits/plugins' {
  export const appState: { name: string; plugin(state: object): object };
}
declare module '@lightningjs/blits/vite' {
  import type { Plugin } from 'vite';
  const plugins: Plugin[];
  export default plugins;
}
