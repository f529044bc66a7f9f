// Reads text aloud: Web Speech where the engine has it, webOS's TTS service otherwise, silence (without errors) elsewhere.
import type { Language } from '../i18n';
import { localeOf } from '../i18n';
import type { PlatformName } from './detect';

interface WebOsBridge {
  service?: { request(uri: string, params: Record<string, unknown>): unknown };
}

export interface Voice {
  readonly available: boolean;
  speak(text: string, language: Language): void;
  stop(): void;
}

export function createVoice(platform: PlatformName): Voice {
  const synth = typeof window.speechSynthesis !== 'undefined' && typeof window.SpeechSynthesisUtterance === 'function' ? window.speechSynthesis : null;
  const webOS = (window as unknown as { webOS?: WebOsBridge }).webOS;
  const webOsTts = platform === 'webos' && webOS && webOS.service && typeof webOS.service.request === 'function' ? webOS.service : null;

  return {
    available: !!(synth || webOsTts),
    speak(text, language) {
      if (!text) return;
      try {
        if (synth) {
          synth.cancel();
          const utterance = new SpeechSynthesisUtterance(text);
          utterance.lang = localeOf(language);
          utterance.rate = 0.95;
          synth.speak(utterance);
        } else if (webOsTts) {
          webOsTts.request('luna://com.webos.service.tts', { method: 'speak', parameters: { text, clear: true } });
        }
      } catch {
        // A TV without a working speech engine stays silent rather than breaking navigation.
      }
    },
    stop() {
      try {
        if (synth) synth.cancel();
      } catch {
        // ignore: nothing to stop
      }
    },
  };
}
