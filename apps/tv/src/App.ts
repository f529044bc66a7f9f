// The application root: routes, the overlays drawn above every screen (call, urgent banner, leave dialog), the
// session's start and end, and the one place where keys are looked at before the focused component (the call's keys,
// the banner's OK/Back).
import Blits from '@lightningjs/blits';
import Activation from './pages/Activation';
import Home from './pages/Home';
import CallOverlay from './components/CallOverlay';
import Goodbye from './pages/Goodbye';
// neighbours' feed (its screens load on first use: they stay out of the first download)
import { forgetFeed } from './feed/memory';
import Banner from './components/Banner';
import Dialog from './components/Dialog';
import { lookComputed, speak } from './components/look';
import { hasSession, onSignedOut } from './api/session';
import { startLiveUpdates, stopLiveUpdates } from './api/live';
import { forgetNotices } from './pages/noticesMemory';
import { forgetCalls } from './calls/controller';
import { currentPlatform } from './platform';
import { state } from './store';
import { format } from './i18n';
import { noticeWords } from './i18n/notices';
import { reportDialog, reportNavigating } from './testing';

/** Screens change at once: a fade costs frames on 2017 TVs, and keys pressed during a transition are dropped. */
const instant = {} as never;

// Screens with a keyboard and forms are loaded when first opened: the app's first start downloads only what it shows.
// Only activation and home are in the first download: every other screen loads when first opened.
const proceduresPage = (() => import('./pages/Procedures')) as never;
const eservicesPage = (() => import('./pages/EServices')) as never;
const noticesPage = (() => import('./pages/Notices')) as never;
const noticeDetailPage = (() => import('./pages/NoticeDetail')) as never;
const settingsPage = (() => import('./pages/Settings')) as never;
const comingSoonPage = (() => import('./pages/ComingSoon')) as never;
const callsPage = (() => import('./pages/Calls')) as never;
const helpingPage = (() => import('./pages/Helping')) as never;

/** A screen left by name rather than down the history (see the helper's screens). */
const outOfHistory = { inHistory: false };

/** A before-hook: continue to the route with a session, else to activation. */
const signedIn = <T>(to: T): T | string => (hasSession() ? to : '/activation');

export default Blits.Application({
  components: { Banner, Dialog, CallOverlay },
  template: `
    <Element w="1920" h="1080" :color="$c.background">
      <RouterView ref="view" w="1920" h="1080" />
      <Banner :show="!!$$appState.banner" />
      <Dialog ref="dialog" :show="$$appState.dialogOpen" :question="$t.leave.question" :help="$t.leave.help" :yes="$t.common.yes" :no="$t.common.no" />
      <CallOverlay ref="call" :show="!!$$appState.call" />
    </Element>
  `,
  routes: [
    { path: '/', component: Home, transition: instant, hooks: { before: () => (hasSession() ? '/home' : '/activation') } },
    {
      path: '/activation',
      component: Activation,
      transition: instant,
      options: { inHistory: false },
      hooks: { before: <T>(to: T): T | string => (hasSession() ? '/home' : to) },
    },
    { path: '/home', component: Home, transition: instant, hooks: { before: signedIn } },
    { path: '/notices', component: noticesPage, transition: instant, hooks: { before: signedIn } },
    { path: '/notices/:id', component: noticeDetailPage, transition: instant, hooks: { before: signedIn } },
    { path: '/settings', component: settingsPage, transition: instant },
    { path: '/procedures', component: proceduresPage, transition: instant, hooks: { before: signedIn } },
    { path: '/calls', component: callsPage, transition: instant, hooks: { before: signedIn } },
    { path: '/soon/:service', component: comingSoonPage, transition: instant, hooks: { before: signedIn } },
    // appointments
    { path: '/appointments', component: () => import('./pages/Appointments'), transition: instant, hooks: { before: signedIn } },
    // mandates: the tenant's helpers
    { path: '/mandates', component: () => import('./pages/Mandates'), transition: instant, hooks: { before: signedIn } },
    // mandates received: the tenants this one helps; one of them (/helping/:mandate), and the fault-report and town-hall
    // wizards in that tenant's name. Out of the history, each going back to its parent by name: Back from the person
    // leads to Settings, never back into a wizard already left. The more precise paths first (Blits matches a path's beginning).
    {
      path: '/helping/:mandate/eservices/:id',
      component: eservicesPage,
      transition: instant,
      options: outOfHistory,
      hooks: { before: signedIn },
    },
    { path: '/helping/:mandate/report', component: proceduresPage, transition: instant, options: outOfHistory, hooks: { before: signedIn } },
    {
      path: '/helping/:mandate/eservices',
      component: eservicesPage,
      transition: instant,
      options: outOfHistory,
      hooks: { before: signedIn },
    },
    { path: '/helping/:mandate', component: helpingPage, transition: instant, options: outOfHistory, hooks: { before: signedIn } },
    { path: '/helping', component: helpingPage, transition: instant, options: outOfHistory, hooks: { before: signedIn } },
    { path: '/goodbye', component: Goodbye, transition: instant, options: { inHistory: false } },
    // town-hall e-services: the list, and one form's wizard (a reload lands back in it)
    { path: '/eservices', component: eservicesPage, transition: instant, hooks: { before: signedIn } },
    { path: '/eservices/:id', component: eservicesPage, transition: instant, hooks: { before: signedIn } },
    // neighbours' feed
    { path: '/feed', component: () => import('./pages/Feed'), transition: instant, hooks: { before: signedIn } },
    { path: '/feed/write', component: () => import('./pages/FeedWrite'), transition: instant, hooks: { before: signedIn } },
    { path: '/feed/posts/:id', component: () => import('./pages/FeedPostDetail'), transition: instant, hooks: { before: signedIn } },
    // private conversations (wip/neighbours)
    { path: '/conversations', component: () => import('./pages/Conversations'), transition: instant, hooks: { before: signedIn } },
    { path: '/conversations/:id', component: () => import('./pages/ConversationThread'), transition: instant, hooks: { before: signedIn } },
    // the tenant's data: export to the phone, leaving (wip/neighbours)
    { path: '/my-data', component: () => import('./pages/MyData'), transition: instant, hooks: { before: signedIn } },
    // moderation: report a post or a reply
    { path: '/feed/report/:kind/:id', component: () => import('./pages/FeedReport'), transition: instant, hooks: { before: signedIn } },
  ],
  computed: { ...lookComputed },
  watch: {
    '$router.state.navigating'(navigating: boolean) {
      reportNavigating(navigating);
    },
    '$appState.language'(language: string) {
      document.documentElement.setAttribute('lang', language);
      document.documentElement.setAttribute('dir', language === 'ar' ? 'rtl' : 'ltr');
    },
    '$appState.call'(call: { id: string } | null, previous: { id: string } | null) {
      // The call takes the keys and the focus while it shows; afterwards the tenant is back where they were.
      if (call && !previous) this.$select('call').$focus();
      if (!call && previous) this.$select(state().dialogOpen ? 'dialog' : 'view').$focus();
    },
    '$appState.banner'(banner: { title: string; kind?: string } | null) {
      if (!banner) return;
      const words = noticeWords(state().language);
      if (banner.kind === 'reminder') speak(format(words.reminder, { title: banner.title }) + '. ' + words.reminderAction);
      else speak(format(this.t.banner.urgent, { title: banner.title }) + '. ' + this.t.banner.action);
    },
  },
  hooks: {
    ready() {
      const language = state().language;
      document.documentElement.setAttribute('lang', language);
      document.documentElement.setAttribute('dir', language === 'ar' ? 'rtl' : 'ltr');
      this.$listen('askLeave', () => this.askLeave());
      this.$listen('dialogAnswer', (yes: boolean) => this.answerLeave(yes));
      this.$listen('sessionStarted', () => startLiveUpdates());
      onSignedOut(() => {
        stopLiveUpdates();
        forgetNotices();
        state().banner = null;
        state().firstName = '';
        state().unread = 0;
        state().unreadMessages = 0;
        forgetCalls();
        forgetFeed();
        this.$router.to('/activation');
      });
      if (hasSession()) startLiveUpdates();
      if (!window.location.hash || window.location.hash === '#' || window.location.hash === '#/') {
        this.$router.to(hasSession() ? '/home' : '/activation');
      }
    },
  },
  methods: {
    askLeave() {
      state().dialogOpen = true;
      reportDialog(this.t.leave.question);
      this.$select('dialog').$focus();
    },
    answerLeave(yes: boolean) {
      state().dialogOpen = false;
      reportDialog('');
      this.$select('view').$focus();
      if (yes && !currentPlatform().exit()) this.$router.to('/goodbye');
    },
  },
  input: {
    intercept(event: KeyboardEvent) {
      const app = state();
      const keyMap = currentPlatform().keyMap;
      const name = keyMap[event.key] || keyMap[event.keyCode];
      if (app.call) {
        // A call owns every key while it shows: pages below keep their place and get them back afterwards.
        if (name) this.$select('call').key(name);
        return undefined;
      }
      if (!app.banner || app.dialogOpen) return event;
      if (name === 'enter') {
        const noticeId = app.banner.noticeId;
        app.banner = null;
        this.$router.to('/notices/' + encodeURIComponent(noticeId));
        return undefined;
      }
      if (name === 'back') {
        app.banner = null;
        return undefined;
      }
      return event;
    },
  },
});
