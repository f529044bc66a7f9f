// The data page (RGPD right of access): the TV's QR code opens it with a single-use code; the phone claims it, shows
// what Palier holds about the tenant, and saves it as a JSON file.
import { ApiProblem, NetworkFailure, PalierClient, type ClaimedHandoff, type TenantDataExport } from '@palier/contracts';
import { dataLanguage, dataText, type DataLanguage, type DataMessage } from './i18n';
import '../styles.css';
import './data.css';

function element<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} is missing from data.html`);
  return found as T;
}

const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
// The code is single use, but keep it out of the history and of anything shared from this tab all the same.
if (window.location.hash) history.replaceState(null, '', window.location.pathname);
const language: DataLanguage = dataLanguage(params.get('lang'), navigator.languages ?? []);
const t = (key: DataMessage, values?: Record<string, string | number>) => dataText(language, key, values);
document.documentElement.lang = language;
document.documentElement.dir = language === 'ar' ? 'rtl' : 'ltr';
document.title = `Palier · ${t('title')}`;

let claimed: ClaimedHandoff | null = null;
const api = new PalierClient({ baseUrl: window.location.origin, language: () => language, accessToken: () => claimed?.accessToken });

const ui = {
  title: element('title'),
  status: element('status'),
  ready: element('ready'),
  greeting: element('greeting'),
  help: element('help'),
  summary: element('summary'),
  download: element<HTMLButtonElement>('download'),
  done: element('done'),
  problem: element('problem'),
  problemText: element('problem-text'),
};
ui.title.textContent = t('title');

function setStatus(text: string): void {
  ui.status.textContent = text;
  ui.status.hidden = !text;
}

function fail(message: string): void {
  setStatus('');
  ui.problem.hidden = false;
  ui.problemText.textContent = message;
}

function reason(error: unknown): string {
  if (error instanceof ApiProblem) return error.problem.title;
  if (error instanceof NetworkFailure) return t('network');
  return String(error);
}

const counted: [DataMessage, string][] = [
  ['section.devices', 'devices'],
  ['section.noticeReads', 'noticeReads'],
  ['section.posts', 'posts'],
  ['section.replies', 'replies'],
  ['section.eventSignups', 'eventSignups'],
  ['section.conversations', 'conversations'],
  ['section.faultReports', 'faultReports'],
  ['section.calls', 'calls'],
  ['section.phoneHandoffs', 'phoneHandoffs'],
];

function showSummary(data: TenantDataExport): void {
  const lines = [t('controller', { name: data.controller }), t('section.profile')];
  for (const [key, section] of counted) {
    const list = data[section];
    lines.push(t(key, { count: Array.isArray(list) ? list.length : 0 }));
  }
  ui.summary.replaceChildren(
    ...lines.map((line) => {
      const item = document.createElement('li');
      item.textContent = line;
      return item;
    }),
  );
}

function save(data: TenantDataExport): string {
  const file = `palier-mes-donnees-${data.generatedAt.slice(0, 10)}.json`;
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return file;
}

async function start(): Promise<void> {
  const code = params.get('code');
  if (!code) return fail(t('invalidLink'));
  setStatus(t('checking'));
  try {
    claimed = await api.claimHandoff(code);
  } catch (error) {
    return fail(error instanceof NetworkFailure ? t('network') : t('refused'));
  }
  if (claimed.purpose !== 'data_export') return fail(t('refused'));
  setStatus(t('loading'));
  let data: TenantDataExport;
  try {
    data = await api.exportMyData();
  } catch (error) {
    return fail(t('failed', { reason: reason(error) }));
  }
  setStatus('');
  ui.greeting.textContent = t('greeting', { name: claimed.firstName });
  ui.help.textContent = t('help');
  ui.download.textContent = t('download');
  showSummary(data);
  ui.ready.hidden = false;
  ui.download.addEventListener('click', () => {
    const file = save(data);
    ui.done.textContent = t('downloaded', { file });
  });
  (window as unknown as { __palierData?: { sections: number; ready: boolean } }).__palierData = {
    sections: Object.keys(data).length,
    ready: true,
  };
}

void start();
