// One notice in full: title, urgency, category, publisher, date and body; opening it marks it read.
import Blits from '@lightningjs/blits';
import type { TenantNotice } from '@palier/contracts/src/notices';
import { api } from '../api/session';
import { refreshUnread } from '../api/live';
import { failureMessage } from '../api/problems';
import { format, formatDateTime } from '../i18n';
import { reportMessage, reportScreen } from '../testing';
import { announceFocus, lookComputed, speak } from '../components/look';
import Badge from '../components/Badge';
import Button from '../components/Button';
import Waiting from '../components/Waiting';
import KeyHints from '../components/KeyHints';
import { goBack } from './navigation';
import { markRememberedRead, recallNotices } from './noticesMemory';
import { noticeWords } from '../i18n/notices';

export default Blits.Component('NoticeDetail', {
  components: { Badge, Button, Waiting, KeyHints },
  props: ['id'],
  template: `
    <Element w="1920" h="1080" :inspector-data="{testid: 'screen-notice'}">
      <Waiting :show="$loading" :label="$t.common.loading" x="96" y="200" w="1728" testid="notice-loading" />
      <Element :show="!!$notice" w="1920" h="1080">
        <Element x="96" y="54" w="1728" :h="$headerH">
          <Badge :show="$urgent" :label="$t.common.urgent" :x="$rtl ? 1728 - $urgentW : 0" y="0" testid="notice-urgent" />
          <Text :content="$category" :size="$ts.small" :color="$c.textMuted" :x="$rtl ? 0 : ($urgent ? $urgentW + 24 : 0)" :y="$ts.small * 0.2" :maxwidth="1728 - ($urgent ? $urgentW + 24 : 0)" :align="$rtl ? 'right' : 'left'" />
          <Text :content="$title" :font="$f.bold" :size="$ts.title" :color="$c.text" x="0" :y="$ts.small * 2" maxwidth="1728" maxlines="2" :lineheight="$ts.title * 1.2" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'notice-title'}" />
          <Text :content="$byline" :size="$ts.body" :color="$c.textMuted" x="0" :y="$ts.small * 2 + $ts.title * 2.5" maxwidth="1728" maxlines="1" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'notice-byline'}" />
        </Element>
        <Element x="96" :y="54 + $headerH + 24" w="1728" h="6" :color="$c.surfaceRaised" />
        <Element :show="!!$picture" :x="$pictureX" :y="$bodyY" :w="$pictureBox.w" :h="$pictureBox.h" :color="$c.surfaceRaised" :inspector-data="{testid: 'notice-picture', src: $pictureSrc, w: $pictureBox.w, h: $pictureBox.h}">
          <Text :content="$nw.pictureLoading" :size="$ts.small" :color="$c.textMuted" :x="$pictureBox.w / 2" :y="$pictureBox.h / 2" mount="{x: 0.5, y: 0.5}" />
          <Element :show="!!$pictureSrc" x="0" y="0" :w="$pictureBox.w" :h="$pictureBox.h" :src="$pictureSrc" />
        </Element>
        <Element :x="$textX" :y="$bodyY" :w="$textW" :h="$bodyH" clipping="true">
          <Text :content="$body" :size="$ts.body" :color="$c.text" x="0" :y="-$scroll" :maxwidth="$textW" :lineheight="$ts.lineHeight($ts.body)" :align="$rtl ? 'right' : 'left'" @loaded="$bodyMeasured" :inspector-data="{testid: 'notice-body'}" />
        </Element>
      </Element>
      <Element :show="!!$error" x="96" y="200" w="1728" h="400">
        <Text :content="$error" :font="$f.bold" :size="$ts.heading" :color="$c.danger" x="0" y="0" maxwidth="1728" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'notice-error', message: $error}" />
        <Button ref="retry" :x="$rtl ? 1728 - 520 : 0" :y="$ts.heading * 3" w="520" h="96" :label="$t.common.retry" testid="notice-retry" />
        <Button ref="back" :x="$rtl ? 1728 - 1100 : 580" :y="$ts.heading * 3" w="520" h="96" :label="$t.common.back" testid="notice-back" />
      </Element>
      <KeyHints :hints="$hints" />
    </Element>
  `,
  state() {
    return {
      notice: null as TenantNotice | null,
      loading: true,
      error: '',
      scroll: 0,
      bodyHeight: 0,
      errorChoice: 0,
    };
  },
  computed: {
    ...lookComputed,
    title() {
      return this.notice ? this.notice.title : '';
    },
    body() {
      return this.notice ? this.notice.body : '';
    },
    nw() {
      return noticeWords(this.$appState.language);
    },
    picture() {
      return this.notice && this.notice.picture ? this.notice.picture : null;
    },
    pictureSrc() {
      return this.picture ? api.baseUrl + this.picture.url : '';
    },
    /** Fitted in 720 × 540 (the API sends at most 960 × 540), keeping its proportions. */
    pictureBox() {
      const picture = this.picture;
      if (!picture) return { w: 0, h: 0 };
      const k = Math.min(720 / picture.width, Math.min(this.bodyH, 540) / picture.height, 1.5);
      return { w: Math.round(picture.width * k), h: Math.round(picture.height * k) };
    },
    pictureX() {
      return this.rtl ? 96 : 96 + 1728 - this.pictureBox.w;
    },
    textW() {
      return this.picture ? 1728 - this.pictureBox.w - 56 : 1728;
    },
    textX() {
      return this.picture && this.rtl ? 96 + this.pictureBox.w + 56 : 96;
    },
    urgent() {
      return !!(this.notice && this.notice.urgent);
    },
    urgentW() {
      return Math.round(this.t.common.urgent.length * this.ts.small * 0.62 + 40);
    },
    category() {
      return this.notice ? this.t.notices.categories[this.notice.category] || '' : '';
    },
    byline() {
      if (!this.notice) return '';
      return (
        format(this.t.notices.publishedBy, { publisher: this.notice.publisher }) +
        ' · ' +
        formatDateTime(this.notice.publishedAt, this.$appState.language)
      );
    },
    headerH() {
      return Math.round(this.ts.small * 2 + this.ts.title * 2.5 + this.ts.body * 1.4);
    },
    bodyY() {
      return 54 + this.headerH + 60;
    },
    bodyH() {
      return 1080 - 54 - this.ts.small * 1.6 - 40 - this.bodyY;
    },
    scrollable() {
      return this.bodyHeight > this.bodyH;
    },
    hints() {
      const hints = [{ key: 'back', label: this.t.common.goBack }];
      if (this.scrollable) hints.unshift({ key: 'ok', label: this.t.notices.scrollHint });
      return hints;
    },
  },
  watch: {
    error(message: string) {
      reportMessage(message);
    },
  },
  hooks: {
    ready() {
      reportScreen('notice');
      reportMessage('');
      const remembered = recallNotices();
      const cached = remembered ? remembered.items.filter((item) => item.id === this.id)[0] : undefined;
      if (cached) this.show(cached);
      this.load();
    },
    focus() {
      if (this.error) this.focusErrorChoice();
      else if (this.notice) announceFocus(this.notice.title, this.spoken());
    },
  },
  methods: {
    load() {
      this.error = '';
      this.loading = !this.notice;
      api.notice(this.id).then(
        (notice) => {
          this.show(notice);
          if (!notice.readAt) {
            api.markNoticeRead(notice.id).then(
              (receipt) => {
                markRememberedRead(notice.id, receipt.readAt);
                refreshUnread();
              },
              () => {
                // Not marked this time; it will be on the next opening. The notice itself is on screen.
              },
            );
          }
        },
        (error: unknown) => {
          this.loading = false;
          if (this.notice) return;
          this.error = failureMessage(error, this.t);
          speak(this.error);
          this.$setTimeout(() => this.focusErrorChoice(), 0);
        },
      );
    },
    show(notice: TenantNotice) {
      const first = !this.notice;
      this.notice = notice;
      this.loading = false;
      if (first) announceFocus(notice.title, this.spoken());
    },
    spoken() {
      const notice = this.notice as TenantNotice;
      return [notice.urgent ? this.t.common.urgent : '', notice.title, this.byline, notice.body].filter(Boolean).join('. ');
    },
    bodyMeasured(dimensions: { h: number }) {
      this.bodyHeight = dimensions.h;
    },
    focusErrorChoice() {
      const button = this.$select(this.errorChoice === 0 ? 'retry' : 'back');
      if (button) button.$focus();
    },
    scrollBy(step: number) {
      const max = Math.max(0, this.bodyHeight - this.bodyH + 40);
      this.scroll = Math.max(0, Math.min(max, this.scroll + step));
    },
  },
  input: {
    up() {
      this.scrollBy(-Math.round(this.bodyH * 0.6));
    },
    down() {
      this.scrollBy(Math.round(this.bodyH * 0.6));
    },
    left() {
      if (this.error) {
        this.errorChoice = this.rtl ? 1 : 0;
        this.focusErrorChoice();
      }
    },
    right() {
      if (this.error) {
        this.errorChoice = this.rtl ? 0 : 1;
        this.focusErrorChoice();
      }
    },
    enter() {
      if (this.error) {
        if (this.errorChoice === 0) {
          this.error = '';
          this.$focus();
          this.load();
        } else goBack(this, '/notices');
        return;
      }
      if (this.scrollable) this.scrollBy(Math.round(this.bodyH * 0.6));
    },
    back() {
      goBack(this, '/notices');
    },
  },
});
