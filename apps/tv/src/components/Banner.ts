// The urgent-notice banner, drawn over any screen; the App routes OK (read) and Back (close) to it while it shows.
// A reminder of a notice that is not urgent uses the same banner in calm colours.
import Blits from '@lightningjs/blits';
import { format } from '../i18n';
import { noticeWords } from '../i18n/notices';
import { lookComputed } from './look';

export default Blits.Component('Banner', {
  template: `
    <Element x="0" y="0" w="1920" :h="$height" :inspector-data="{testid: 'urgent-banner'}">
      <Element w="1920" :h="$height" :color="$reminder ? $c.surfaceRaised : $c.urgent" />
      <Element x="0" :y="$height - 8" w="1920" h="8" :color="$c.text" />
      <Element :x="$rtl ? 1920 - 96 - $badgeW : 96" y="54" :w="$badgeW" :h="$ts.heading * 1.4" :color="$c.text">
        <Text :content="$badge" :font="$f.bold" :size="$ts.heading" :color="$reminder ? $c.surfaceRaised : $c.urgent" x="16" :y="$ts.heading * 0.7" mount="{y: 0.5}" />
      </Element>
      <Text :content="$message" :font="$f.bold" :size="$ts.heading" :color="$c.urgentText" :x="$rtl ? 96 : 96 + $badgeW + 32" y="54" :maxwidth="1728 - $badgeW - 32" maxlines="2" :lineheight="$ts.heading * 1.25" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'urgent-banner-title'}" />
      <Text :content="$action" :size="$ts.body" :color="$c.urgentText" x="96" :y="$height - 40 - $ts.body * 1.3" maxwidth="1728" :align="$rtl ? 'right' : 'left'" />
    </Element>
  `,
  computed: {
    ...lookComputed,
    reminder() {
      const banner = this.$appState.banner;
      return !!banner && banner.kind === 'reminder';
    },
    badge() {
      return this.reminder ? noticeWords(this.$appState.language).reminderLabel : '! ' + this.t.common.urgent;
    },
    action() {
      return this.reminder ? noticeWords(this.$appState.language).reminderAction : this.t.banner.action;
    },
    message() {
      const banner = this.$appState.banner;
      if (!banner) return '';
      return format(this.reminder ? noticeWords(this.$appState.language).reminder : this.t.banner.urgent, { title: banner.title });
    },
    badgeW() {
      return Math.round(this.ts.heading * 4.2);
    },
    height() {
      return Math.round(54 + this.ts.heading * 2.6 + this.ts.body * 1.3 + 70);
    },
  },
});
