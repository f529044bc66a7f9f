// The row of Settings that opens "Mes aidants", in the TV's three languages: apart from the screen's catalogue
// (mandates.ts), which then downloads with that screen only.
import type { Language } from './index';

interface MandateEntryWords {
  settingsRow: string;
  settingsOpen: string;
  /** The row below it: "Les personnes que j'aide" (helping.ts), for a neighbour who acts for a tenant. */
  helpingRow: string;
  helpingOpen: string;
}

const catalogues: Record<Language, MandateEntryWords> = {
  fr: { settingsRow: 'Mes aidants', settingsOpen: 'Gérer mes aidants', helpingRow: 'Les personnes que j’aide', helpingOpen: 'Voir les personnes que j’aide' },
  en: { settingsRow: 'My helpers', settingsOpen: 'Manage my helpers', helpingRow: 'People I help', helpingOpen: 'See the people I help' },
  ar: { settingsRow: 'مساعديّ', settingsOpen: 'إدارة مساعديّ', helpingRow: 'الأشخاص الذين أساعدهم', helpingOpen: 'عرض الأشخاص الذين أساعدهم' },
};

export function mandateEntryWords(language: Language): MandateEntryWords {
  return catalogues[language] || catalogues.fr;
}
