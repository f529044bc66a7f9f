// Settings: language (fr / en / ar, Arabic mirrors the layout), text size, voice reading. Saved on the TV and,
// for the language, on the tenant's account so letters and the console use it too.
import Blits from '@lightningjs/blits';
import { api, hasSession } from '../api/session';
import { languageNames, languages, type Language } from '../i18n';
import { reportMessage, reportScreen } from '../testing';
import { announceFocus, horizontalStep, lookComputed, speak } from '../components/look';
import Button from '../components/Button';
import KeyHints from '../components/KeyHints';
import { savePreferences, state } from '../store';
import { currentPlatform } from '../platform';
import { goBack } from './navigation';
import { forgetNotices } from './noticesMemory';
import { refreshUnread } from '../api/live';
import { conversationWords } from '../i18n/conversations';
import { mandateEntryWords } from '../i18n/mandates-entry';

interface Option {
  id: string;
  label: string;
  selected: boolean;
}

interface Row {
  id: 'language' | 'textSize' | 'voice' | 'data' | 'helpers' | 'helping';
  label: string;
  options: Option[];
}

let lastRow = 0;

export default Blits.Component('Settings', {
  components: { Button, KeyHints },
  template: `
    <Element w="1920" h="1080" :inspector-data="{testid: 'screen-settings'}">
      <Text :content="$t.settings.title" :font="$f.bold" :size="$ts.title" :color="$c.text" x="96" y="54" maxwidth="1728" :align="$rtl ? 'right' : 'left'" />
      <Element x="0" :y="$listTop" w="1920" :h="$listBottom - $listTop" clipping="true">
        <Element x="0" :y="-$listTop - $scroll" w="1920" h="1080">
          <Element :for="(row, r) in $rowViews" key="$row.id" x="96" :y="$row.y" w="1728" :h="$row.h">
            <Text :content="$row.label" font="$f.bold" :size="$row.size" color="$c.text" :x="$row.labelX" y="0" maxwidth="1680" :align="$row.align" />
          </Element>
          <Element :x="$rtl ? 1920 - 96 - 16 : 96" :y="$rowY($rowIndex) + $ts.heading * 0.2" w="16" :h="$ts.heading * 1.1" :color="$c.focus" :inspector-data="{testid: 'settings-current-row'}" />
          <Button :for="(option, i) in $options" key="$option.id" ref="option" :x="$option.x" :y="$option.y" :w="$option.w" :h="$option.h" :label="$option.label" :selected="$option.selected" :testid="'setting-' + $option.key" />
        </Element>
      </Element>
      <Text :show="!!$note" :content="$note" :size="$ts.body" :color="$c.textMuted" x="96" :y="1080 - 54 - $ts.small * 1.6 - 40 - $ts.body * 1.4" maxwidth="1728" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'settings-note', message: $note}" />
      <KeyHints :hints="$hints" />
    </Element>
  `,
  state() {
    return { rowIndex: lastRow, optionIndex: 0, note: '' };
  },
  computed: {
    ...lookComputed,
    rows(): Row[] {
      const t = this.t.settings;
      const app = this.$appState;
      return [
        {
          id: 'language',
          label: t.language,
          options: languages.map((language: Language) => ({
            id: language,
            label: languageNames[language],
            selected: app.language === language,
          })),
        },
        {
          id: 'textSize',
          label: t.textSize,
          options: [
            { id: 'normal', label: t.normal, selected: app.textSize === 'normal' },
            { id: 'large', label: t.large, selected: app.textSize === 'large' },
          ],
        },
        {
          id: 'voice',
          label: t.voice,
          options: [
            { id: 'off', label: t.off, selected: !app.voice },
            { id: 'on', label: t.on, selected: app.voice },
          ],
        },
        // the tenant's data: export and leaving (wip/neighbours), once the TV is activated
        ...(hasSession()
          ? [
              {
                id: 'data' as const,
                label: conversationWords(app.language).dataTitle,
                options: [{ id: 'open', label: conversationWords(app.language).dataOpen, selected: false }],
              },
              // mandates: who may do procedures in the tenant's name
              {
                id: 'helpers' as const,
                label: mandateEntryWords(app.language).settingsRow,
                options: [{ id: 'open', label: mandateEntryWords(app.language).settingsOpen, selected: false }],
              },
              // the tenants who gave this one the right to act for them
              {
                id: 'helping' as const,
                label: mandateEntryWords(app.language).helpingRow,
                options: [{ id: 'open', label: mandateEntryWords(app.language).helpingOpen, selected: false }],
              },
            ]
          : []),
      ];
    },
    rowH() {
      return Math.round(this.ts.heading * 1.5 + this.buttonH + 40);
    },
    buttonW() {
      return 440;
    },
    buttonH() {
      return Math.round(this.ts.label * 2.3);
    },
    /** Row headings with their geometry (a for-loop's children may only read their own item). */
    rowViews() {
      return this.rows.map((row: Row, r: number) => ({
        id: [row.id, this.$appState.language, this.ts.k].join('|'),
        label: row.label,
        y: this.rowY(r),
        h: this.rowH,
        size: this.ts.heading,
        current: r === this.rowIndex,
        markX: this.rtl ? 1728 - 16 : 0,
        markY: Math.round(this.ts.heading * 0.2),
        markH: Math.round(this.ts.heading * 1.1),
        labelX: this.rtl ? 0 : 32,
        align: this.rtl ? 'right' : 'left',
      }));
    },
    /** Every option of every row, flattened, with its place on screen (mirrored in right-to-left). */
    options() {
      const out: Array<{ id: string; key: string; label: string; selected: boolean; x: number; y: number; w: number; h: number }> = [];
      this.rows.forEach((row: Row, r: number) => {
        // A row with one button ("Voir les personnes que j'aide") gives it the room of its words.
        const w = row.options.length === 1 ? 760 : this.buttonW;
        row.options.forEach((option: Option, i: number) => {
          const x = i * (w + 40);
          out.push({
            id: [row.id, option.id, option.label, option.selected, this.rtl, this.ts.k].join('|'),
            key: row.id + '-' + option.id,
            label: option.label,
            selected: option.selected,
            x: this.rtl ? 1920 - 96 - x - w : 96 + x,
            y: this.rowY(r) + Math.round(this.ts.heading * 1.5),
            w,
            h: this.buttonH,
          });
        });
      });
      return out;
    },
    /** The rows scroll between the title and the key hints (with every row, or large text, they do not all fit). */
    listTop() {
      return this.rowY(0) - 12;
    },
    listBottom() {
      return Math.round(1080 - 54 - this.ts.small * 1.6 - 32);
    },
    /** Just enough scroll for the current row to show whole above the key hints (its focus outline included). */
    scroll() {
      const rowBottom = this.rowY(this.rowIndex) + Math.round(this.ts.heading * 1.5) + this.buttonH + 12;
      return Math.max(0, rowBottom - this.listBottom);
    },
    hints() {
      return [
        { key: 'ok', label: this.t.common.choose },
        { key: 'back', label: this.t.common.goBack },
      ];
    },
  },
  watch: {
    note(message: string) {
      reportMessage(message);
    },
  },
  hooks: {
    ready() {
      reportScreen('settings');
      reportMessage('');
      this.optionIndex = this.selectedIndex(this.rowIndex);
    },
    focus() {
      this.focusOption();
    },
  },
  methods: {
    rowY(r: number) {
      return Math.round(54 + this.ts.title * 1.7 + r * this.rowH);
    },
    selectedIndex(r: number) {
      const index = this.rows[r].options.findIndex((option: Option) => option.selected);
      return index >= 0 ? index : 0;
    },
    flatIndex() {
      let index = 0;
      for (let r = 0; r < this.rowIndex; r++) index += this.rows[r].options.length;
      return index + this.optionIndex;
    },
    focusOption() {
      const button = this.$select('option' + this.flatIndex());
      if (button) button.$focus();
    },
    choose() {
      const row = this.rows[this.rowIndex] as Row;
      const option = row.options[this.optionIndex];
      const app = state();
      this.note = '';
      if (row.id === 'data') {
        this.$router.to('/my-data');
        return;
      }
      if (row.id === 'helpers') {
        this.$router.to('/mandates');
        return;
      }
      if (row.id === 'helping') {
        this.$router.to('/helping');
        return;
      }
      if (row.id === 'language') {
        const language = option.id as Language;
        if (app.language !== language) {
          app.language = language;
          // Same row, same option; the layout mirrors around it.
          this.optionIndex = languages.indexOf(language);
          // Notices come in the tenant's language: re-read them once the account has it.
          if (hasSession())
            api.updatePreferences({ language }).then(
              () => {
                forgetNotices();
                refreshUnread();
              },
              () => undefined,
            );
        }
      } else if (row.id === 'textSize') {
        app.textSize = option.id === 'large' ? 'large' : 'normal';
      } else {
        app.voice = option.id === 'on';
        if (app.voice && !currentPlatform().voice.available) this.note = this.t.settings.voiceUnavailable;
      }
      savePreferences();
      const label = this.rows[this.rowIndex].options[this.optionIndex].label;
      announceFocus(label, label + ', ' + this.t.settings.selected);
      if (!this.note) speak(this.t.settings.saved);
      this.$setTimeout(() => this.focusOption(), 0);
    },
  },
  input: {
    up() {
      if (this.rowIndex === 0) return;
      this.rowIndex -= 1;
      lastRow = this.rowIndex;
      this.optionIndex = this.selectedIndex(this.rowIndex);
      this.focusOption();
    },
    down() {
      if (this.rowIndex >= this.rows.length - 1) return;
      this.rowIndex += 1;
      lastRow = this.rowIndex;
      this.optionIndex = this.selectedIndex(this.rowIndex);
      this.focusOption();
    },
    left() {
      const count = this.rows[this.rowIndex].options.length;
      this.optionIndex = Math.max(0, Math.min(count - 1, this.optionIndex + horizontalStep('left', this.rtl)));
      this.focusOption();
    },
    right() {
      const count = this.rows[this.rowIndex].options.length;
      this.optionIndex = Math.max(0, Math.min(count - 1, this.optionIndex + horizontalStep('right', this.rtl)));
      this.focusOption();
    },
    enter() {
      this.choose();
    },
    back() {
      goBack(this, '/home');
    },
  },
});
