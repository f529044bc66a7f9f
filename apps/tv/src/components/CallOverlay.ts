// The call, drawn over any screen: ringing here (OK answers, Back declines), waiting for the landlord or a neighbour,
// in call (remote video in a <video> element over the canvas; OK mutes, red hangs up, Back asks first), and the outcome.
// The App sends it every key while a call shows (see App's intercept), so no page can take a key meant for the call.
import Blits from '@lightningjs/blits';
import { format } from '../i18n';
import { lookComputed, mirrorX, speak, announceFocus } from './look';
import Button from './Button';
import KeyHints from './KeyHints';
import QrCode from './QrCode';
import Waiting from './Waiting';
import { answer, askHangUp, decline, dismissOutcome, hangUp, placeRemoteVideo, toggleMute } from '../calls/controller';
import { reportMessage } from '../testing';
import type { CallView } from '../store';

/** The remote picture: 16:9 on the reading side, the controls and the phone's QR code beside it. */
const VIDEO = { x: 96, y: 150, w: 1216, h: 684 };
const PANEL_X = 96 + 1216 + 56;
const PANEL_W = 1920 - 96 - PANEL_X;

export default Blits.Component('CallOverlay', {
  components: { Button, KeyHints, QrCode, Waiting },
  template: `
    <Element w="1920" h="1080" :inspector-data="{testid: 'call-overlay', phase: $phase}">
      <Element w="1920" h="1080" :color="$c.background" />

      <Element :show="$phase === 'incoming'" w="1920" h="1080" :inspector-data="{testid: 'call-incoming'}">
        <Element x="0" y="0" w="1920" h="12" :color="$c.keyGreen" />
        <Text :content="$t.calls.incoming" :font="$f.bold" :size="$ts.heading" :color="$c.fresh" x="96" y="160" maxwidth="1728" align="center" />
        <Text :content="$peerTitle" :font="$f.bold" :size="$ts.code" :color="$c.text" x="96" :y="160 + $ts.heading * 1.8" maxwidth="1728" maxlines="1" align="center" :inspector-data="{testid: 'call-peer'}" />
        <Text :content="$peerSubtitle" :size="$ts.heading" :color="$c.textMuted" x="96" :y="160 + $ts.heading * 1.8 + $ts.code * 1.4" maxwidth="1728" maxlines="1" align="center" />
        <Button ref="answer" :x="$rtl ? 960 + 20 : 960 - 20 - 520" y="680" w="520" :h="$buttonH" :label="$t.calls.answer" testid="call-answer" />
        <Button ref="decline" :x="$rtl ? 960 - 20 - 520 : 960 + 20" y="680" w="520" :h="$buttonH" :label="$t.calls.decline" testid="call-decline" />
      </Element>

      <Element :show="$phase === 'outgoing'" w="1920" h="1080" :inspector-data="{testid: 'call-outgoing'}">
        <Element x="0" y="0" w="1920" h="12" :color="$c.fresh" />
        <Text :content="$outgoingTitle" :font="$f.bold" :size="$ts.title" :color="$c.text" x="96" y="140" maxwidth="1728" maxlines="2" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'call-outgoing-title'}" />
        <Text :content="$queueLine" :font="$f.bold" :size="$ts.heading * 1.2" :color="$c.focus" x="96" :y="170 + $ts.title * 2" maxwidth="1728" maxlines="2" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'call-queue-position', message: $queueLine}" />
        <Text :content="$waitLine" :size="$ts.heading" :color="$c.text" x="96" :y="190 + $ts.title * 2 + $ts.heading * 1.6" maxwidth="1728" maxlines="2" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'call-queue-wait', message: $waitLine}" />
        <Waiting x="96" :y="220 + $ts.title * 2 + $ts.heading * 3" w="1728" :label="$waitingLabel" testid="call-waiting" />
        <Button ref="cancel" :x="$rtl ? 1920 - 96 - 520 : 96" y="760" w="520" :h="$buttonH" :label="$t.calls.hangUp" testid="call-cancel" />
      </Element>

      <Element :show="$phase === 'live'" w="1920" h="1080" :inspector-data="{testid: 'call-live'}">
        <Text :content="$liveTitle" :font="$f.bold" :size="$ts.heading" :color="$c.text" x="96" y="54" maxwidth="1728" maxlines="1" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'call-live-title'}" />
        <Element :x="$videoX" :y="$video.y" :w="$video.w" :h="$video.h" color="#000000">
          <Text :content="$videoNote" :size="$ts.body" :color="$c.textMuted" x="60" :y="$video.h / 2" mount="{y: 0.5}" :maxwidth="$video.w - 120" align="center" :inspector-data="{testid: 'call-video-note', message: $videoNote}" />
        </Element>
        <Element :x="$panelX" :y="$video.y" :w="$panelW" :h="$video.h">
          <Element :show="!$confirming" :w="$panelW" :h="$video.h">
            <Button ref="mute" x="0" y="0" :w="$panelW" :h="$buttonH" :label="$muteLabel" :selected="$muted" testid="call-mute" />
            <Text :content="$micLine" :size="$ts.small" :color="$c.textMuted" x="0" :y="$buttonH + 20" :maxwidth="$panelW" maxlines="3" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'call-mic', message: $micLine}" />
            <Text :content="$phoneTitle" :font="$f.bold" :size="$ts.small" :color="$c.text" x="0" :y="$video.h - $qrSize - 20 - $ts.lineHeight($ts.small) * 3" :maxwidth="$panelW" maxlines="3" :lineheight="$ts.lineHeight($ts.small)" :align="$rtl ? 'right' : 'left'" />
            <Element :x="$rtl ? $panelW - $qrSize : 0" :y="$video.h - $qrSize" :w="$qrSize" :h="$qrSize">
              <QrCode :value="$phoneUrl" :size="$qrSize" testid="call-phone-qr" :alpha="$phoneUrl ? 1 : 0.2" />
            </Element>
            <Text :content="$phoneCodeLine" :size="$ts.small" :color="$c.textMuted" x="0" :y="$video.h + 16" :maxwidth="$panelW" maxlines="3" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'call-phone-code', message: $phoneCodeLine}" />
          </Element>
          <Element :show="$confirming" :w="$panelW" :h="$video.h" :inspector-data="{testid: 'call-confirm-hang-up'}">
            <Element :w="$panelW" h="8" :color="$c.focus" />
            <Text :content="$t.calls.hangUpQuestion" :font="$f.bold" :size="$ts.title" :color="$c.text" x="0" y="40" :maxwidth="$panelW" :align="$rtl ? 'right' : 'left'" />
            <Button ref="yes" x="0" :y="80 + $ts.title * 1.5" :w="$panelW" :h="$buttonH" :label="$t.common.yes" testid="call-hang-up-yes" />
            <Button ref="no" x="0" :y="110 + $ts.title * 1.5 + $buttonH" :w="$panelW" :h="$buttonH" :label="$t.common.no" testid="call-hang-up-no" />
          </Element>
        </Element>
      </Element>

      <Element :show="$phase === 'ended'" w="1920" h="1080" :inspector-data="{testid: 'call-ended'}">
        <Element x="0" y="0" w="1920" h="12" :color="$c.textMuted" />
        <Text :content="$outcome" :font="$f.bold" :size="$ts.title" :color="$c.text" x="96" y="440" maxwidth="1728" align="center" :inspector-data="{testid: 'call-outcome', message: $outcome}" />
      </Element>

      <KeyHints :show="$phase === 'incoming'" :hints="$incomingHints" />
      <KeyHints :show="$phase === 'outgoing'" :hints="$outgoingHints" />
      <KeyHints :show="$phase === 'live' && !$confirming" :hints="$liveHints" />
      <KeyHints :show="$phase === 'live' && $confirming" :hints="$confirmHints" />
      <KeyHints :show="$phase === 'ended'" :hints="$endedHints" />
    </Element>
  `,
  state() {
    return { choice: 0 };
  },
  computed: {
    ...lookComputed,
    callView(): CallView | null {
      return this.$appState.call;
    },
    phase(): string {
      return this.callView ? this.callView.phase : '';
    },
    confirming(): boolean {
      return !!this.callView && this.callView.confirmingHangUp;
    },
    muted(): boolean {
      return !!this.callView && this.callView.muted;
    },
    phoneUrl(): string {
      return this.callView ? this.callView.phoneUrl : '';
    },
    buttonH() {
      return Math.round(this.ts.label * 2.3);
    },
    video() {
      return VIDEO;
    },
    videoX() {
      return mirrorX(VIDEO.x, VIDEO.w, this.rtl);
    },
    panelX() {
      return mirrorX(PANEL_X, PANEL_W, this.rtl);
    },
    panelW() {
      return PANEL_W;
    },
    qrSize() {
      return 300;
    },
    peerTitle(): string {
      const call = this.callView;
      if (!call) return '';
      return call.fromLandlord ? this.t.calls.yourLandlord : call.peerName;
    },
    peerSubtitle(): string {
      const call = this.callView;
      if (!call) return '';
      return call.fromLandlord ? call.peerName : call.peerBuilding;
    },
    outgoingTitle(): string {
      const call = this.callView;
      if (!call) return '';
      return call.fromLandlord ? this.t.calls.callingLandlord : format(this.t.calls.calling, { name: call.peerName });
    },
    queueLine(): string {
      const call = this.callView;
      if (!call) return '';
      if (!call.fromLandlord) return format(this.t.calls.ringing, { name: call.peerName });
      if (call.position <= 0) return this.t.calls.queueJoining;
      return call.position === 1 ? this.t.calls.queueNext : format(this.t.calls.queuePosition, { position: call.position });
    },
    waitLine(): string {
      const call = this.callView;
      if (!call || !call.fromLandlord || call.position <= 0) return '';
      const minutes = Math.ceil(call.waitSeconds / 60);
      return call.waitSeconds < 60 ? this.t.calls.waitUnderMinute : format(this.t.calls.waitMinutes, { minutes });
    },
    waitingLabel(): string {
      return this.t.calls.starting;
    },
    liveTitle(): string {
      const call = this.callView;
      if (!call) return '';
      const name = call.fromLandlord ? call.peerName : call.peerBuilding ? call.peerName + ' · ' + call.peerBuilding : call.peerName;
      return format(this.t.calls.inCallWith, { name });
    },
    videoNote(): string {
      const call = this.callView;
      if (!call) return '';
      switch (call.media) {
        case 'unsupported':
          return this.t.calls.phoneOnly + ' ' + this.t.calls.phoneOnlyHelp;
        case 'failed':
          return this.t.calls.mediaFailed;
        case 'connected':
          return call.remoteVideo ? '' : this.t.calls.audioOnly;
        default:
          return this.t.calls.connecting;
      }
    },
    muteLabel(): string {
      return this.muted ? this.t.calls.micOff : this.t.calls.micOn;
    },
    micLine(): string {
      const call = this.callView;
      if (!call) return '';
      return call.media === 'connected' && !call.hasMicrophone ? this.t.calls.noMicrophone : '';
    },
    phoneTitle(): string {
      const call = this.callView;
      if (!call) return '';
      if (call.media === 'unsupported') return this.t.calls.phoneOnlyHelp;
      return this.phoneUrl ? this.t.calls.phoneCamera : this.t.calls.phonePreparing;
    },
    phoneCodeLine(): string {
      const call = this.callView;
      if (!call || !call.phoneCode) return '';
      const address = call.phoneUrl.split(/[?#]/)[0].replace(/^https?:\/\//, '');
      return format(this.t.calls.phoneTypeCode, { address, code: call.phoneCode });
    },
    outcome(): string {
      const call = this.callView;
      if (!call || call.phase !== 'ended') return '';
      const sentences = this.t.calls as unknown as Record<string, string>;
      return format(sentences[call.outcome] || this.t.calls.ended, { name: call.peerName });
    },
    // One hint bar per moment, each fixed for the moment: a bar whose list changes length is not redrawn by Blits 1.27.
    incomingHints() {
      return [
        { key: 'ok', label: this.t.calls.answer },
        { key: 'back', label: this.t.calls.decline },
      ];
    },
    outgoingHints() {
      return [
        { key: 'red', label: this.t.calls.hangUp },
        { key: 'back', label: this.t.calls.hangUp },
      ];
    },
    liveHints() {
      return [
        { key: 'ok', label: this.t.calls.muteToggle },
        { key: 'red', label: this.t.calls.hangUp },
        { key: 'back', label: this.t.calls.hangUp + '…' },
      ];
    },
    confirmHints() {
      return [
        { key: 'ok', label: this.t.common.choose },
        { key: 'red', label: this.t.calls.hangUp },
        { key: 'back', label: this.t.common.no },
      ];
    },
    endedHints() {
      return [{ key: 'ok', label: this.t.common.goBack }];
    },
    /** The sentence tests and voice reading get for this moment of the call. */
    message(): string {
      switch (this.phase) {
        case 'incoming':
          return this.t.calls.incoming + ': ' + this.peerTitle + (this.peerSubtitle ? ', ' + this.peerSubtitle : '');
        case 'outgoing':
          return [this.outgoingTitle, this.queueLine, this.waitLine].filter(Boolean).join('. ');
        case 'live':
          return this.confirming ? this.t.calls.hangUpQuestion : this.liveTitle + (this.videoNote ? '. ' + this.videoNote : '');
        case 'ended':
          return this.outcome;
        default:
          return '';
      }
    },
  },
  watch: {
    // Blits 1.27 runs a watcher whenever what it reads changes, even when its own value did not: compare first.
    phase(phase: string, was: string) {
      if (phase === was) return;
      this.choice = 0;
      this.placeVideo();
      this.focusControl();
      if (phase) reportMessage(this.message);
      if (phase === 'incoming') speak(this.message + '. ' + this.t.common.ok + ': ' + this.t.calls.answer);
      else if (phase) speak(this.message);
    },
    confirming(asking: boolean, was: boolean) {
      if (asking === was) return;
      this.choice = 1;
      this.placeVideo();
      this.focusControl();
      if (asking) speak(this.t.calls.hangUpQuestion);
    },
    message(message: string, was: string) {
      if (this.phase && message !== was) reportMessage(message);
    },
    rtl() {
      this.placeVideo();
    },
  },
  hooks: {
    focus() {
      this.placeVideo();
      this.focusControl();
      if (this.phase) reportMessage(this.message);
    },
  },
  methods: {
    /** The <video> element sits above the canvas: shown only in call, beside (never over) the Lightning controls. */
    placeVideo() {
      placeRemoteVideo(this.phase === 'live' ? { x: this.videoX, y: VIDEO.y, w: VIDEO.w, h: VIDEO.h } : null);
    },
    focusControl() {
      let ref = '';
      if (this.phase === 'incoming') ref = this.choice === 0 ? 'answer' : 'decline';
      else if (this.phase === 'outgoing') ref = 'cancel';
      else if (this.phase === 'live') ref = this.confirming ? (this.choice === 0 ? 'yes' : 'no') : 'mute';
      const control = ref ? this.$select(ref) : null;
      // Blits sets a component's focus flag at once but moves the focus a tick later: two $focus calls in one tick
      // would leave both buttons looking focused, so the others are put down first.
      ['answer', 'decline', 'cancel', 'mute', 'yes', 'no'].forEach((other) => {
        const button = other === ref ? null : this.$select(other);
        if (button && button.hasFocus) button.unfocus();
      });
      if (control) control.$focus();
      else if (this.phase === 'ended') announceFocus(this.outcome);
    },
    /** Every key while a call shows, by its Blits input name (enter, back, red, left, right…). */
    key(name: string) {
      const phase = this.phase;
      if (phase === 'incoming') {
        if (name === 'enter') {
          if (this.choice === 0) answer();
          else decline();
        } else if (name === 'back' || name === 'red') decline();
        else if (name === 'green') answer();
        else if (name === 'left' || name === 'right') {
          this.choice = this.choice === 0 ? 1 : 0;
          this.focusControl();
        }
      } else if (phase === 'outgoing') {
        if (name === 'enter' || name === 'back' || name === 'red') hangUp();
      } else if (phase === 'live') {
        if (this.confirming) {
          if (name === 'enter') {
            if (this.choice === 0) hangUp();
            else askHangUp(false);
          } else if (name === 'red') hangUp();
          else if (name === 'back') askHangUp(false);
          else if (name === 'up' || name === 'down') {
            this.choice = this.choice === 0 ? 1 : 0;
            this.focusControl();
          }
        } else if (name === 'enter') toggleMute();
        else if (name === 'red') hangUp();
        else if (name === 'back') askHangUp(true);
      } else if (phase === 'ended') {
        if (name === 'enter' || name === 'back') dismissOutcome();
      }
    },
  },
});
