// The photo page: the TV's QR code opens it with a single-use code; the phone claims it, then sends each photo taken
// or picked to what the TV is writing — a fault report (report_photos) or a neighbourhood post (post_photos, 4 at
// most) — where the TV shows it at once. The API strips the photos' metadata.
import { ApiProblem, NetworkFailure, PalierClient, type ClaimedHandoff } from '@palier/contracts';
import { photoLanguage, photoText, type PhotoLanguage, type PhotoMessage } from './i18n';
import '../styles.css';
import './photos.css';

function element<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} is missing from photos.html`);
  return found as T;
}

const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
// The code is single use, but keep it out of the history and of anything shared from this tab all the same.
if (window.location.hash) history.replaceState(null, '', window.location.pathname);
const language: PhotoLanguage = photoLanguage(params.get('lang'), navigator.languages ?? []);
const t = (key: PhotoMessage, values?: Record<string, string | number>) => photoText(language, key, values);
document.documentElement.lang = language;
document.documentElement.dir = language === 'ar' ? 'rtl' : 'ltr';
document.title = `Palier · ${t('titleAny')}`;

let claimed: ClaimedHandoff | null = null;
const api = new PalierClient({ baseUrl: window.location.origin, language: () => language, accessToken: () => claimed?.accessToken });
let sentCount = 0;

const ui = {
  title: element('title'),
  status: element('status'),
  ready: element('ready'),
  greeting: element('greeting'),
  help: element('help'),
  pickText: element('pick-text'),
  pick: element<HTMLInputElement>('pick'),
  sent: element('sent'),
  done: element('done'),
  problem: element('problem'),
  problemText: element('problem-text'),
};
// What the photos are for is known once the code is claimed.
ui.title.textContent = t('titleAny');

/** The status line shows only when it has something to say (an empty one is an empty grey bar). */
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

async function start(): Promise<void> {
  const code = params.get('code');
  if (!code) return fail(t('invalidLink'));
  setStatus(t('checking'));
  try {
    claimed = await api.claimHandoff(code);
  } catch (error) {
    return fail(error instanceof NetworkFailure ? t('network') : t('refused'));
  }
  if (claimed.purpose !== 'report_photos' && claimed.purpose !== 'post_photos') return fail(t('refused'));
  const forPost = claimed.purpose === 'post_photos';
  const onBehalfOf = claimed.onBehalfOf;
  ui.title.textContent = onBehalfOf ? t('titleFor', { name: onBehalfOf }) : t(forPost ? 'postTitle' : 'title');
  document.title = `Palier · ${ui.title.textContent}`;
  setStatus('');
  ui.greeting.textContent = t('greeting', { name: claimed.firstName });
  ui.help.textContent = onBehalfOf ? t('helpFor', { name: onBehalfOf }) : t(forPost ? 'postHelp' : 'help');
  ui.pickText.textContent = t('pick');
  ui.ready.hidden = false;
}

async function send(file: File): Promise<void> {
  setStatus(t('sending'));
  ui.problem.hidden = true;
  try {
    const type = file.type || 'image/jpeg';
    const photo = claimed?.purpose === 'post_photos' ? await api.uploadPostPhoto(file, type) : await api.uploadReportPhoto(file, type);
    sentCount += 1;
    const item = document.createElement('li');
    const image = document.createElement('img');
    image.src = photo.thumbUrl;
    image.alt = t('photoAlt', { count: sentCount });
    item.appendChild(image);
    ui.sent.appendChild(item);
    setStatus('');
    ui.done.textContent = t('sent', { count: sentCount });
  } catch (error) {
    fail(t('photoFailed', { reason: reason(error) }));
  }
}

ui.pick.addEventListener('change', async () => {
  const files = Array.from(ui.pick.files ?? []);
  ui.pick.value = '';
  for (const file of files) await send(file);
});

void start();
