// "Mes données" (RGPD): a QR code that opens the phone page saving everything Palier holds about the tenant, and
// leaving Palier — erasing the tenant after a dialog that says what goes and what the landlord keeps.
import Blits from '@lightningjs/blits';
import { api, signOut } from '../api/session';
import { failureMessage } from '../api/problems';
import { format } from '../i18n';
import { conversationWords, type ConversationWords } from '../i18n/conversations';
import { reportDialog, reportMessage, reportScreen } from '../testing';
import { lookComputed, speak } from '../components/look';
import Button from '../components/Button';
import Dialog from '../components/Dialog';
import KeyHints from '../components/KeyHints';
import QrCode from '../components/QrCode';
import Waiting from '../components/Waiting';
import { goBack } from './navigation';

export default Blits.Component('MyData', {
  components: { Button, Dialog, KeyHints, QrCode, Waiting },
  template: `
    <Element w="1920" h="1080" :inspector-data="{testid: 'screen-my-data', qr: $qrUrl}">
      <Text :content="$words.dataTitle" :font="$f.bold" :size="$ts.title" :color="$c.text" x="96" y="54" maxwidth="1728" :align="$rtl ? 'right' : 'left'" />
      <QrCode :alpha="$qrUrl ? 1 : 0" :value="$qrUrl" size="380" :x="$rtl ? 1920 - 96 - 380 : 96" :y="54 + $ts.title * 1.6" testid="data-qr" />
      <Waiting :show="!$qrUrl && !$error" :label="$t.common.loading" :x="$rtl ? 96 : 540" :y="54 + $ts.title * 1.6" w="1284" testid="data-loading" />
      <Text :content="$help" :size="$ts.body" :color="$error ? $c.danger : $c.text" :x="$rtl ? 96 : 540" :y="54 + $ts.title * 1.6" maxwidth="1284" maxlines="6" :lineheight="$ts.body * 1.35" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'data-help', message: $help}" />
      <Text :content="$words.leaveExplain" :size="$ts.body" :color="$c.textMuted" x="96" :y="1080 - 54 - $ts.small * 1.6 - 60 - $ts.label * 2.3 - 40 - $ts.body * 1.35 * 3" maxwidth="1728" maxlines="3" :lineheight="$ts.body * 1.35" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'data-leave-explain'}" />
      <Button ref="leave" :x="$rtl ? 1920 - 96 - 1100 : 96" :y="1080 - 54 - $ts.small * 1.6 - 60 - $ts.label * 2.3" w="1100" :h="$ts.label * 2.3" :label="$words.leaveButton" testid="data-leave" />
      <Text :show="!!$status" :content="$status" :size="$ts.body" :color="$c.text" :x="$rtl ? 96 : 1240" :y="1080 - 54 - $ts.small * 1.6 - 60 - $ts.label * 2" maxwidth="584" maxlines="2" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'data-status', message: $status}" />
      <KeyHints :hints="$hints" />
      <Dialog ref="confirm" :show="$confirming" :question="$words.leaveQuestion" :help="$words.leaveHelp" :yes="$t.common.yes" :no="$t.common.no" event="eraseConfirm" />
    </Element>
  `,
  state() {
    return { qrUrl: '', help: '', error: false, status: '', confirming: false, busy: false, alive: true };
  },
  computed: {
    ...lookComputed,
    words(): ConversationWords {
      return conversationWords(this.$appState.language);
    },
    hints() {
      return [
        { key: 'ok', label: this.t.common.choose },
        { key: 'back', label: this.t.common.goBack },
      ];
    },
  },
  hooks: {
    ready() {
      reportScreen('my-data');
      reportMessage('');
      this.$listen('eraseConfirm', (yes: boolean) => this.answered(yes));
      this.startHandoff();
    },
    focus() {
      this.focusCurrent();
    },
    destroy() {
      this.alive = false;
    },
  },
  methods: {
    startHandoff() {
      this.error = false;
      this.help = '';
      api.startHandoff({ purpose: 'data_export' }).then(
        (handoff) => {
          if (!this.alive) return;
          this.qrUrl = handoff.url + '&lang=' + this.$appState.language;
          this.help = format(this.words.dataHelp, { url: handoff.url.split('#')[0] as string, code: handoff.code });
          reportMessage(this.help);
          speak(this.words.dataTitle + '. ' + this.help);
        },
        (error: unknown) => {
          if (!this.alive) return;
          this.error = true;
          this.help = failureMessage(error, this.t);
          reportMessage(this.help);
          speak(this.help);
        },
      );
    },
    focusCurrent() {
      const target = this.$select(this.confirming ? 'confirm' : 'leave');
      if (target) target.$focus();
    },
    answered(yes: boolean) {
      this.confirming = false;
      reportDialog('');
      this.$setTimeout(() => this.focusCurrent(), 0);
      if (!yes || this.busy) return;
      this.busy = true;
      this.status = this.words.leaving;
      reportMessage(this.status);
      api.eraseMyAccount().then(
        () => {
          this.busy = false;
          speak(this.words.erased);
          reportMessage(this.words.erased);
          // The TV is back to its first day: the activation screen, for a new letter from the landlord.
          signOut();
        },
        (error: unknown) => {
          if (!this.alive) return;
          this.busy = false;
          this.status = failureMessage(error, this.t);
          reportMessage(this.status);
          speak(this.status);
        },
      );
    },
  },
  input: {
    up() {},
    down() {},
    left() {},
    right() {},
    enter() {
      if (this.busy) return;
      this.confirming = true;
      reportDialog(this.words.leaveQuestion);
      this.$setTimeout(() => this.focusCurrent(), 0);
    },
    back() {
      goBack(this, '/settings');
    },
  },
});
