// A QR code drawn from a URL (by the qrcode package, to a PNG data URL) and shown as an image with a white quiet zone.
// The qrcode package (~10 KB gzipped) loads with the first code shown, not with the app: most starts show none.
import Blits from '@lightningjs/blits';
import { lookComputed } from './look';

export default Blits.Component('QrCode', {
  props: ['value', 'size', 'testid'],
  template: `
    <Element :w="$size" :h="$size" :inspector-data="{testid: $testid || 'activation-qr', value: $value}">
      <Element :w="$size" :h="$size" color="#ffffff" />
      <Element :show="!!$src" x="0" y="0" :w="$size" :h="$size" :src="$src" />
    </Element>
  `,
  state() {
    return { src: '' };
  },
  computed: { ...lookComputed },
  watch: {
    value() {
      this.render();
    },
  },
  hooks: {
    ready() {
      this.render();
    },
  },
  methods: {
    render() {
      const value = this.value as string;
      if (!value) {
        this.src = '';
        return;
      }
      import('qrcode')
        // A CommonJS package: its functions are on the default export in some bundles, on the namespace in others.
        .then((module: typeof import('qrcode') & { default?: typeof import('qrcode') }) =>
          (module.default || module).toDataURL(value, {
            margin: 2,
            width: this.size,
            errorCorrectionLevel: 'M',
            color: { dark: '#000000', light: '#ffffff' },
          }),
        )
        .then(
          (url: string) => {
            if (value === this.value) this.src = url;
          },
          () => {
            this.src = '';
          },
        );
    },
  },
});
