// The long-text page: the TV's QR code opens it with a single-use code; the phone claims it, shows the TV's question in
// a large text area and sends the text once; the TV shows it at once.
import { ApiProblem, NetworkFailure, PalierClient, type ClaimedHandoff } from '@palier/contracts';
import { textLanguage, textWords, type TextLanguage, type TextMessage } from './i18n';
import '../styles.css';
import './text.css';

function element<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} is missing from text.html`);
  return found as T;
}

const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
// The code is single use, but keep it out of the history and of anything shared from this tab all the same.
if (window.location.hash) history.replaceState(null, '', window.location.pathname);
const language: TextLanguage = textLanguage(params.get('lang'), navigator.languages ?? []);
const t = (key: TextMessage, values?: Record<string, string | number>) => textWords(language, key, values);
document.documentElement.lang = language;
document.documentElement.dir = language === 'ar' ? 'rtl' : 'ltr';
document.title = `Palier · ${t('title')}`;

let claimed: ClaimedHandoff | null = null;
let limit = 0;
const api = new PalierClient({ baseUrl: window.location.origin, language: () => language, accessToken: () => claimed?.accessToken });

const ui = {
  title: element('title'),
  status: element('status'),
  ready: element<HTMLFormElement>('ready'),
  greeting: element('greeting'),
  prompt: element('prompt'),
  text: element<HTMLTextAreaElement>('text'),
  counter: element('counter'),
  send: element<HTMLButtonElement>('send'),
  sent: element('sent'),
  sentText: element('sent-text'),
  problem: element('problem'),
  problemText: element('problem-text'),
};
ui.title.textContent = t('title');
ui.send.textContent = t('send');

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

/** Characters as the tenant sees them (an emoji is one), as the API counts them. */
function characters(text: string): number {
  return Array.from(text).length;
}

function showCount(): void {
  const count = characters(ui.text.value);
  ui.counter.textContent = count > limit ? t('tooLong', { limit }) : t('counter', { count, limit });
  ui.counter.dataset.over = String(count > limit);
}

function showSent(): void {
  ui.ready.hidden = true;
  ui.problem.hidden = true;
  ui.sent.hidden = false;
  ui.sentText.textContent = t('sent');
}

async function start(): Promise<void> {
  const code = params.get('code');
  if (!code) return fail(t('invalidLink'));
  setStatus(t('checking'));
  try {
    claimed = await api.claimHandoff(code);
    if (claimed.purpose !== 'text') return fail(t('refused'));
    const task = await api.handoffTextTask();
    limit = task.maxLength;
    setStatus('');
    ui.greeting.textContent = t('greeting', { name: claimed.firstName });
    ui.prompt.textContent = task.prompt;
    ui.text.value = task.text;
    if (task.sent) return showSent();
    showCount();
    ui.ready.hidden = false;
    ui.text.focus();
  } catch (error) {
    fail(error instanceof NetworkFailure ? t('network') : t('refused'));
  }
}

async function send(): Promise<void> {
  const text = ui.text.value.trim();
  if (!text) return fail(t('empty'));
  if (characters(text) > limit) return fail(t('tooLong', { limit }));
  ui.problem.hidden = true;
  ui.send.disabled = true;
  ui.send.textContent = t('sending');
  try {
    await api.sendHandoffText(text);
    showSent();
  } catch (error) {
    ui.send.disabled = false;
    ui.send.textContent = t('send');
    if (error instanceof ApiProblem && error.problem.code === 'handoff_text_already_sent') return fail(t('alreadySent'));
    const reason = error instanceof ApiProblem ? error.problem.title : error instanceof NetworkFailure ? t('network') : String(error);
    fail(t('failed', { reason }));
  }
}

ui.text.addEventListener('input', showCount);
ui.ready.addEventListener('submit', (event) => {
  event.preventDefault();
  void send();
});

void start();
