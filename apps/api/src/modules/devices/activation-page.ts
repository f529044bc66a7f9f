// The page a tenant opens on a phone or computer to connect their TV: the landlord's letter plus the code on screen.
import type { ProblemLanguage } from '@palier/contracts';

type PageLanguage = ProblemLanguage | 'ar';

const catalogue: Record<PageLanguage, Record<string, string>> = {
  fr: {
    title: 'Connecter mon téléviseur à Palier',
    intro: 'Saisissez le code affiché sur votre téléviseur, puis la référence et le code d’activation du courrier de votre bailleur.',
    userCode: 'Code affiché sur le téléviseur',
    reference: 'Référence locataire (sur le courrier)',
    activationCode: 'Code d’activation (sur le courrier)',
    next: 'Continuer',
    confirm: 'Connecter « {device} » au compte de {name} ?',
    confirmHint: 'Vous pourrez déconnecter ce téléviseur à tout moment depuis les réglages.',
    yes: 'Oui, connecter',
    no: 'Non, refuser',
    approved: 'C’est fait ! Votre téléviseur affiche maintenant Palier.',
    denied: 'Vous avez refusé. Le téléviseur ne sera pas connecté.',
    working: 'Un instant…',
    offline: 'Pas de connexion. Vérifiez votre réseau et réessayez.',
  },
  en: {
    title: 'Connect my TV to Palier',
    intro: 'Enter the code shown on your TV, then the reference and activation code from your landlord’s letter.',
    userCode: 'Code shown on the TV',
    reference: 'Tenant reference (on the letter)',
    activationCode: 'Activation code (on the letter)',
    next: 'Continue',
    confirm: 'Connect “{device}” to {name}’s account?',
    confirmHint: 'You can disconnect this TV at any time from the settings.',
    yes: 'Yes, connect',
    no: 'No, refuse',
    approved: 'Done! Your TV now shows Palier.',
    denied: 'You refused. The TV will not be connected.',
    working: 'One moment…',
    offline: 'No connection. Check your network and try again.',
  },
  ar: {
    title: 'ربط تلفازي بـ Palier',
    intro: 'أدخل الرمز الظاهر على التلفاز، ثم المرجع ورمز التفعيل الموجودين في رسالة المؤجّر.',
    userCode: 'الرمز الظاهر على التلفاز',
    reference: 'مرجع المستأجر (في الرسالة)',
    activationCode: 'رمز التفعيل (في الرسالة)',
    next: 'متابعة',
    confirm: 'ربط «{device}» بحساب {name}؟',
    confirmHint: 'يمكنك فصل هذا التلفاز في أي وقت من الإعدادات.',
    yes: 'نعم، اربط',
    no: 'لا، ارفض',
    approved: 'تمّ! يعرض تلفازك الآن Palier.',
    denied: 'لقد رفضت. لن يتم ربط التلفاز.',
    working: 'لحظة…',
    offline: 'لا يوجد اتصال. تحقق من الشبكة وحاول مجددًا.',
  },
};

export function pageLanguage(acceptLanguage: string | undefined, requested?: string): PageLanguage {
  const candidates = [requested, ...(acceptLanguage ?? '').split(',').map((part) => part.trim().slice(0, 2))];
  for (const candidate of candidates) {
    if (candidate === 'fr' || candidate === 'en' || candidate === 'ar') return candidate;
  }
  return 'fr';
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export function renderActivationPage(language: PageLanguage, userCode: string, nonce: { script: string; style: string }): string {
  const t = catalogue[language];
  const dir = language === 'ar' ? 'rtl' : 'ltr';
  return `<!doctype html>
<html lang="${language}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t.title)}</title>
<style nonce="${nonce.style}">
  :root { color-scheme: light; --ink: #10202b; --accent: #0b5cad; --bad: #a4161a; --good: #1b6e3a; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 18px/1.5 system-ui, sans-serif; color: var(--ink); background: #f4f1ea; }
  main { max-width: 30rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
  h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
  label { display: block; font-weight: 600; margin: 1.1rem 0 .35rem; }
  input { width: 100%; font-size: 1.3rem; padding: .7rem .8rem; border: 2px solid #51606b; border-radius: .5rem; letter-spacing: .08em; text-transform: uppercase; }
  input:focus, button:focus { outline: 4px solid #f2b705; outline-offset: 2px; }
  button { font-size: 1.15rem; font-weight: 700; padding: .85rem 1.2rem; border-radius: .5rem; border: 0; margin-top: 1.4rem; width: 100%; cursor: pointer; }
  .primary { background: var(--accent); color: #fff; }
  .secondary { background: #fff; color: var(--ink); border: 2px solid #51606b; }
  .message { margin-top: 1rem; padding: .8rem 1rem; border-radius: .5rem; background: #fff; border-inline-start: 6px solid var(--accent); }
  .message.error { border-color: var(--bad); color: var(--bad); }
  .message.success { border-color: var(--good); color: var(--good); font-size: 1.2rem; font-weight: 700; }
  [hidden] { display: none !important; }
  nav a { margin-inline-end: 1rem; color: var(--accent); }
</style>
</head>
<body>
<main>
  <nav aria-label="Langue"><a href="?lang=fr&user_code=${encodeURIComponent(userCode)}" lang="fr">Français</a><a href="?lang=en&user_code=${encodeURIComponent(userCode)}" lang="en">English</a><a href="?lang=ar&user_code=${encodeURIComponent(userCode)}" lang="ar">العربية</a></nav>
  <h1>${escapeHtml(t.title)}</h1>
  <form id="credentials" novalidate>
    <p>${escapeHtml(t.intro)}</p>
    <label for="userCode">${escapeHtml(t.userCode)}</label>
    <input id="userCode" name="userCode" autocomplete="one-time-code" required value="${escapeHtml(userCode)}">
    <label for="reference">${escapeHtml(t.reference)}</label>
    <input id="reference" name="reference" autocomplete="username" required>
    <label for="activationCode">${escapeHtml(t.activationCode)}</label>
    <input id="activationCode" name="activationCode" autocomplete="off" required>
    <button class="primary" id="next" type="submit">${escapeHtml(t.next)}</button>
  </form>
  <section id="confirmation" hidden>
    <p id="confirmText" class="message"></p>
    <p>${escapeHtml(t.confirmHint)}</p>
    <button class="primary" id="approve" type="button">${escapeHtml(t.yes)}</button>
    <button class="secondary" id="deny" type="button">${escapeHtml(t.no)}</button>
  </section>
  <p id="status" class="message" role="status" aria-live="polite" hidden></p>
</main>
<script nonce="${nonce.script}">
(function () {
  var t = ${JSON.stringify(t)};
  var language = ${JSON.stringify(language)};
  var form = document.getElementById('credentials');
  var confirmation = document.getElementById('confirmation');
  var status = document.getElementById('status');
  function show(text, kind) { status.hidden = false; status.textContent = text; status.className = 'message ' + (kind || ''); }
  function values() {
    return { userCode: form.userCode.value.trim(), reference: form.reference.value.trim(), activationCode: form.activationCode.value.trim() };
  }
  function call(path, body) {
    show(t.working);
    return fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': language === 'ar' ? 'fr' : language }, body: JSON.stringify(body) })
      .then(function (response) { return response.json().then(function (json) { return { ok: response.ok, json: json }; }); })
      .catch(function () { return { ok: false, json: { detail: t.offline } }; });
  }
  function problemText(json) {
    var text = json.detail || json.title;
    if (json.retryAfterSeconds) text += ' (' + json.retryAfterSeconds + ' s)';
    return text;
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    call('/api/v1/activation/check', values()).then(function (result) {
      if (!result.ok) return show(problemText(result.json), 'error');
      status.hidden = true;
      form.hidden = true;
      confirmation.hidden = false;
      document.getElementById('confirmText').textContent = t.confirm.replace('{device}', result.json.deviceLabel).replace('{name}', result.json.firstName);
      document.getElementById('approve').focus();
    });
  });
  function decide(approve) {
    var body = values(); body.approve = approve;
    call('/api/v1/activation/decision', body).then(function (result) {
      if (!result.ok) return show(problemText(result.json), 'error');
      confirmation.hidden = true;
      show(result.json.status === 'approved' ? t.approved : t.denied, result.json.status === 'approved' ? 'success' : '');
    });
  }
  document.getElementById('approve').addEventListener('click', function () { decide(true); });
  document.getElementById('deny').addEventListener('click', function () { decide(false); });
  (form.userCode.value ? form.reference : form.userCode).focus();
})();
</script>
</body>
</html>`;
}
