// First start: get a code from the API (RFC 8628 device flow), show it with the address and a QR code, poll until
// the tenant confirms on their phone or computer, and say plainly what happens when it is refused or the line drops.
import Blits from '@lightningjs/blits';
import type { DeviceAuthorizationResponse } from '@palier/contracts/src/auth';
import { formatUserCode, normaliseUserCode } from '@palier/contracts/src/auth';
import { ApiProblem, NetworkFailure } from '@palier/contracts/src/client';
import { api, storeTokens } from '../api/session';
import { failureMessage } from '../api/problems';
import { format } from '../i18n';
import { reportActivationCode, reportMessage, reportScreen } from '../testing';
import { lookComputed, speak } from '../components/look';
import Button from '../components/Button';
import QrCode from '../components/QrCode';
import Waiting from '../components/Waiting';
import KeyHints from '../components/KeyHints';

type Phase = 'starting' | 'waiting' | 'denied' | 'offline' | 'failed' | 'done';

const MAX_BACKOFF_S = 60;

export default Blits.Component('Activation', {
  components: { Button, QrCode, Waiting, KeyHints },
  template: `
    <Element w="1920" h="1080" :inspector-data="{testid: 'screen-activation'}">
      <Text :content="$t.activation.title" :font="$f.bold" :size="$ts.title" :color="$c.text" x="96" y="54" maxwidth="1728" :align="$rtl ? 'right' : 'left'" />
      <Text :content="$t.activation.intro" :size="$ts.body" :color="$c.textMuted" x="96" :y="54 + $ts.title * 1.4" maxwidth="1728" :align="$rtl ? 'right' : 'left'" />

      <Element :x="$rtl ? 96 + $qrSize + 80 : 96" :y="$contentY" :w="$textW" h="700">
        <Text :content="$t.activation.step1" :size="$ts.body" :color="$c.text" x="0" y="0" :maxwidth="$textW" :lineheight="$ts.lineHeight($ts.body)" :align="$rtl ? 'right' : 'left'" />
        <Element x="0" :y="$ts.body * 2.9" :w="$textW" :h="$ts.heading * 1.8" :color="$c.surface">
          <Text :content="$verificationUri || '…'" :font="$f.bold" :size="$ts.heading" :color="$c.text" x="28" :y="$ts.heading * 0.9" mount="{y: 0.5}" :maxwidth="$textW - 56" maxlines="1" :inspector-data="{testid: 'activation-url'}" />
        </Element>
        <Text :content="$t.activation.step2" :size="$ts.body" :color="$c.text" x="0" :y="$ts.body * 3.4 + $ts.heading * 1.8" :maxwidth="$textW" :lineheight="$ts.lineHeight($ts.body)" :align="$rtl ? 'right' : 'left'" />
        <Element x="0" :y="$ts.body * 6.3 + $ts.heading * 1.8" :w="$textW" :h="$ts.code * 1.6" :color="$c.surface">
          <Element x="0" y="0" w="12" :h="$ts.code * 1.6" :color="$c.focus" />
          <Text :content="$userCode || '····-····'" :font="$f.bold" :size="$ts.code" :color="$c.text" letterspacing="8" :x="$textW / 2" :y="$ts.code * 0.8" mount="{x: 0.5, y: 0.5}" :inspector-data="{testid: 'activation-code'}" />
        </Element>
      </Element>

      <Element :x="$rtl ? 96 : 1920 - 96 - $qrSize" :y="$contentY" :w="$qrSize" :h="$qrSize + 120">
        <QrCode :value="$verificationUriComplete" :size="$qrSize" :alpha="$verificationUriComplete ? 1 : 0.2" />
        <Text :content="$t.activation.qrHint" :size="$ts.small" :color="$c.textMuted" x="0" :y="$qrSize + 20" :maxwidth="$qrSize" align="center" />
      </Element>

      <Element x="96" :y="1080 - 54 - $ts.small * 1.6 - 40 - $statusH" w="1728" :h="$statusH">
        <Waiting :show="$phase === 'starting' || $phase === 'waiting' || $phase === 'offline'" :label="$statusText" w="1728" testid="activation-status" />
        <Element :show="$phase === 'denied' || $phase === 'failed'" w="1728" :h="$statusH">
          <Text :content="$statusText" :font="$f.bold" :size="$ts.body" :color="$c.danger" x="0" y="0" :maxwidth="$rtl ? 1728 : 1100" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'activation-error', message: $statusText}" />
          <Text :content="$t.activation.deniedHelp" :size="$ts.small" :color="$c.textMuted" x="0" :y="$ts.body * 1.4" :maxwidth="$rtl ? 1728 : 1100" :align="$rtl ? 'right' : 'left'" />
        </Element>
        <Button ref="newCode" :show="$phase === 'denied' || $phase === 'failed'" :x="$rtl ? 0 : 1728 - 560" y="0" w="560" h="96" :label="$t.activation.newCode" testid="activation-new-code" />
      </Element>
      <KeyHints :hints="$hints" />
    </Element>
  `,
  state() {
    return {
      phase: 'starting' as Phase,
      userCode: '',
      verificationUri: '',
      verificationUriComplete: '',
      deviceCode: '',
      interval: 5,
      expiresAt: 0,
      retryIn: 0,
      backoff: 2,
      note: '',
      failure: '',
      pollTimer: 0 as number,
      started: 0,
    };
  },
  computed: {
    ...lookComputed,
    qrSize() {
      return 420;
    },
    textW() {
      return 1728 - 420 - 80;
    },
    contentY() {
      return Math.round(54 + this.ts.title * 1.4 + this.ts.body * 2.2);
    },
    statusH() {
      return Math.max(110, Math.round(this.ts.body * 3));
    },
    statusText() {
      const t = this.t.activation;
      switch (this.phase) {
        case 'starting':
          return t.gettingCode;
        case 'offline':
          return this.retryIn > 0 ? format(t.offline, { seconds: this.retryIn }) : t.offlineNow;
        case 'denied':
          return t.denied;
        case 'failed':
          return this.failure;
        case 'done':
          return t.success;
        default:
          return this.note ? this.note + ' ' + t.waiting : t.waiting;
      }
    },
    hints() {
      return this.phase === 'denied' || this.phase === 'failed'
        ? [
            { key: 'ok', label: this.t.activation.newCode },
            { key: 'back', label: this.t.leave.question },
          ]
        : [{ key: 'back', label: this.t.leave.question }];
    },
  },
  watch: {
    statusText(text: string) {
      reportMessage(text);
    },
    phase(phase: Phase) {
      if (phase === 'denied' || phase === 'failed') {
        this.$setTimeout(() => {
          const button = this.$select('newCode');
          if (button) button.$focus();
        }, 0);
        speak(this.statusText);
      }
    },
  },
  hooks: {
    ready() {
      reportScreen('activation');
      reportMessage(this.statusText);
      this.requestCode();
    },
    focus() {
      if (this.phase === 'denied' || this.phase === 'failed') {
        const button = this.$select('newCode');
        if (button) button.$focus();
      }
    },
  },
  methods: {
    requestCode(note?: string) {
      this.$clearTimeouts();
      this.phase = this.userCode ? this.phase : 'starting';
      api.startDeviceAuthorization(this.t.deviceLabel).then(
        (authorization: DeviceAuthorizationResponse) => this.showCode(authorization, note || ''),
        (error: unknown) => this.retryLater(error, () => this.requestCode(note)),
      );
    },
    showCode(authorization: DeviceAuthorizationResponse, note: string) {
      this.backoff = 2;
      this.deviceCode = authorization.device_code;
      this.userCode = formatUserCode(normaliseUserCode(authorization.user_code));
      this.verificationUri = authorization.verification_uri;
      this.verificationUriComplete = authorization.verification_uri_complete;
      this.interval = Math.max(1, authorization.interval || 5);
      this.expiresAt = Date.now() + authorization.expires_in * 1000;
      this.note = note;
      this.phase = 'waiting';
      reportActivationCode(this.userCode);
      speak(this.t.activation.step2 + ' ' + this.userCode.split('').join(' '));
      this.schedulePoll();
    },
    schedulePoll() {
      this.$setTimeout(() => this.poll(), this.interval * 1000);
    },
    poll() {
      if (this.phase !== 'waiting' && this.phase !== 'offline') return;
      if (Date.now() > this.expiresAt) {
        this.requestCode(this.t.activation.expired);
        return;
      }
      const deviceCode = this.deviceCode;
      api.pollDeviceToken(deviceCode).then(
        (result) => {
          if (deviceCode !== this.deviceCode) return;
          this.backoff = 2;
          if (result.ok) {
            storeTokens(result.tokens);
            this.phase = 'done';
            speak(this.t.activation.success);
            this.$emit('sessionStarted');
            this.$router.to('/home');
            return;
          }
          switch (result.error.error) {
            case 'authorization_pending':
              this.phase = 'waiting';
              this.schedulePoll();
              break;
            case 'slow_down':
              // RFC 8628 §3.5: add 5 seconds to the interval for this and all later requests.
              this.interval += 5;
              this.phase = 'waiting';
              this.schedulePoll();
              break;
            case 'expired_token':
              this.requestCode(this.t.activation.expired);
              break;
            case 'access_denied':
              this.phase = 'denied';
              break;
            default:
              // invalid_grant and the like: this code cannot succeed any more; start again with a fresh one.
              this.requestCode(this.t.activation.expired);
          }
        },
        (error: unknown) => this.retryLater(error, () => this.poll()),
      );
    },
    /** Network down (or API unavailable): say so, count down, retry with a growing delay; never give up. */
    retryLater(error: unknown, retry: () => void) {
      if (error instanceof ApiProblem && error.status < 500 && error.code !== 'rate_limited') {
        this.failure = failureMessage(error, this.t);
        this.phase = 'failed';
        return;
      }
      const wasWaiting = this.phase === 'waiting';
      this.phase = 'offline';
      const delay = error instanceof ApiProblem && error.problem.retryAfterSeconds ? error.problem.retryAfterSeconds : this.backoff;
      this.backoff = Math.min(MAX_BACKOFF_S, this.backoff * 2);
      this.retryIn = delay;
      const tick = () => {
        this.retryIn -= 1;
        if (this.retryIn <= 0) {
          if (wasWaiting) this.phase = 'waiting';
          retry();
        } else this.$setTimeout(tick, 1000);
      };
      this.$setTimeout(tick, 1000);
      if (!(error instanceof NetworkFailure) && !(error instanceof ApiProblem)) this.failure = this.t.errors.generic;
    },
  },
  input: {
    enter() {
      if (this.phase === 'denied' || this.phase === 'failed') {
        this.userCode = '';
        this.verificationUriComplete = '';
        reportActivationCode('');
        this.phase = 'starting';
        this.requestCode();
        this.$focus();
      }
    },
    back() {
      this.$emit('askLeave');
    },
  },
});
