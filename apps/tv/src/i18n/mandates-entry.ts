// The row of Settings that opens "Mes aidants", in the TV's three languages: apart from the screen's catalogue
// (mandates.ts), which then downloads with that screen only.
import type { Language } from './index';

interface MandateEntryWords {
  settingsRow: string;
  settingsOpen: string;
}

const catalogues: Record<Language, MandateEntryWords> = {
  fr: { settingsRow: 'Mes aidants', settingsOpen: 'Gérer mes aidants' },
  en: { settingsRow: 'My helpers', settingsOpen: 'Manage my helpers' },
  ar: { settingsRow: 'مساعديّ', settingsOpen: 'إدارة مساعديّ' },
};

export function mandateEntryWords(language: Language): MandateEntryWords {
  return catalogues[language] || catalogues.fr;
}
