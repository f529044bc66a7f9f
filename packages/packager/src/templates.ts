// The per-platform templates in tv-manifests/templates: {{name}} is escaped for the file's language, {{{name}}} is not.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { templatesDir } from './paths';

export type Values = Record<string, string | number | boolean>;

export function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function escapeJson(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}

/** Fills tv-manifests/templates/<file>; a placeholder without a value is an error, never an empty string. */
export function renderTemplate(file: string, values: Values): string {
  const template = readFileSync(path.join(templatesDir, file), 'utf8');
  const escape = file.endsWith('.json') ? escapeJson : escapeXml;
  return template.replace(/\{\{(\{)?\s*([\w]+)\s*\}?\}\}/g, (_match, raw: string | undefined, key: string) => {
    if (!(key in values)) throw new Error(`template ${file}: no value for {{${key}}}`);
    const value = String(values[key]);
    return raw ? value : escape(value);
  });
}
