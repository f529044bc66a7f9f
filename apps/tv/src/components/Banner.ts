// The urgent-notice banner, drawn over any screen; the App routes OK (read) and Back (close) to it while it shows.
import Blits from '@lightningjs/blits';
import { format } from '../i18n';
import { lookComputed } from './look';

export default Blits.Component('Banner', {
  template: `
    <Element x="0" y="0" w="1920" :h="$height" :inspector-data="{testid: 'urgent-banner'}">
      <Element w="1920" :h="$height" :color="$c.urgent" />
      <Element x="0" :y="$height - 8" w="1920" h="8" :color="$c.text" />
      <Element :x="$rtl ? 1920 - 96 - $badgeW : 96" y="54" :w="$badgeW" :h="$ts.heading * 1.4" :color="$c.text">
        <Text :content="'! ' + $t.common.urgent" :font="$f.bold" :size="$ts.heading" :color="$c.urgent" x="16" :y="$ts.heading * 0.7" mount="{y: 0.5}" />
      </Element>
      <Text :content="$message" :font="$f.bold" :size="$ts.heading" :color="$c.urgentText" :x="$rtl ? 96 : 96 + $badgeW + 32" y="54" :maxwidth="1728 - $badgeW - 32" maxlines="2" :lineheight="$ts.heading * 1.25" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'urgent-banner-title'}" />
      <Text :content="$t.banner.action" :size="$ts.body" :color="$c.urgentText" x="96" :y="$height - 40 - $ts.body * 1.3" maxwidth="1728" :align="$rtl ? 'right' : 'left'" />
    </Element>
  `,
  computed: {
    ...lookComputed,
    message() {
      const banner = this.$appState.banner;
      return banner ? format(this.t.banner.urgent, { title: banner.title }) : '';
    },
    badgeW() {
      return Math.round(this.ts.heading * 4.2);
    },
    height() {
      return Math.round(54 + this.ts.heading * 2.6 + this.ts.body * 1.3 + 70);
    },
  },
});
