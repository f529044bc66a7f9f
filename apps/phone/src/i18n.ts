// The phone page's words in French (reference), English and Arabic (right to left). No DOM here: tests use it directly.
export const fr = {
  'app.name': 'Palier',
  'app.title': 'Caméra pour l’appel vidéo',
  'language.label': 'Langue',

  'intro.camera': 'Votre téléphone va servir de caméra et de micro pour l’appel en cours sur votre téléviseur.',
  'intro.call': 'Votre téléviseur ne peut pas afficher la vidéo : l’appel se fait sur ce téléphone.',
  'intro.greeting': 'Bonjour {name},',
  'intro.tip': 'Posez le téléphone face à vous, à hauteur du visage, dans une pièce éclairée.',
  'start.camera': 'Activer la caméra',
  'start.call': 'Rejoindre l’appel',
  'start.permission': 'Votre téléphone va vous demander l’autorisation d’utiliser la caméra et le micro : répondez « Autoriser ».',

  'state.checking': 'Vérification du lien…',
  'state.joining': 'Connexion à l’appel…',
  'state.liveCamera': 'En direct : votre interlocuteur vous voit.',
  'state.liveCall': 'En appel',
  'state.reconnecting': 'Connexion perdue, reconnexion…',
  'state.waitingForAgent': 'En attente de votre interlocuteur…',
  'state.stopped': 'Caméra arrêtée. L’appel continue sur le téléviseur.',
  'state.left': 'Vous avez quitté l’appel.',
  'state.ended': 'L’appel est terminé. Vous pouvez fermer cette page.',
  'state.replaced': 'Cette caméra a été reprise par un autre appareil.',

  'action.stop': 'Arrêter',
  'action.hangUp': 'Raccrocher',
  'action.resume': 'Reprendre la caméra',
  'action.rejoin': 'Rejoindre à nouveau',
  'action.retry': 'Réessayer',
  'action.mute': 'Couper le micro',
  'action.unmute': 'Rétablir le micro',
  'action.switchCamera': 'Changer de caméra',
  'action.enableSound': 'Activer le son',

  'video.self': 'Votre image',
  'video.remote': 'Votre interlocuteur',
  'video.remoteNoCamera': 'Votre interlocuteur n’a pas de caméra : vous l’entendez.',

  'error.title': 'Impossible de continuer',
  'error.linkMissing': 'Ce lien est incomplet. Sur le téléviseur, choisissez « Utiliser mon téléphone », puis scannez le code QR affiché.',
  'error.linkMalformed': 'Ce lien est abîmé. Scannez à nouveau le code QR affiché sur le téléviseur.',
  'error.linkExpired': 'Ce lien a expiré. Scannez à nouveau le code QR affiché sur le téléviseur.',
  'error.linkUnknown':
    'Ce code n’est plus valable (il ne sert qu’une fois et pendant quelques minutes). Scannez à nouveau le code QR du téléviseur.',
  'error.linkNotForPhone': 'Ce lien n’est pas destiné à un téléphone. Scannez le code QR affiché sur le téléviseur.',
  'error.permissionDenied':
    'L’accès à la caméra ou au micro a été refusé. Autorisez-le dans les réglages du navigateur pour ce site, puis touchez « Réessayer ».',
  'error.noDevice': 'Aucune caméra n’a été trouvée sur ce téléphone.',
  'error.deviceBusy': 'La caméra est utilisée par une autre application. Fermez-la, puis touchez « Réessayer ».',
  'error.unreachable': 'Le serveur d’appel ne répond pas. Vérifiez que le téléphone est connecté à Internet, puis réessayez.',
  'error.tokenRefused': 'L’appel a refusé ce téléphone : le lien a sans doute expiré. Scannez à nouveau le code QR du téléviseur.',
  'error.unsupported': 'Ce navigateur ne permet pas les appels vidéo. Ouvrez le lien avec Chrome, Safari ou Firefox à jour.',
  'error.network': 'Le service Palier ne répond pas. Vérifiez la connexion du téléphone, puis réessayez.',
  'error.tooManyTries': 'Trop d’essais avec ce code. Attendez quelques minutes, puis scannez à nouveau le code QR du téléviseur.',
  'error.other': 'Un problème inattendu est survenu. Réessayez.',
} as const;

export type MessageKey = keyof typeof fr;

export const en: Record<MessageKey, string> = {
  'app.name': 'Palier',
  'app.title': 'Camera for the video call',
  'language.label': 'Language',

  'intro.camera': 'Your phone will be the camera and microphone of the call on your TV.',
  'intro.call': 'Your TV cannot show the video: the call takes place on this phone.',
  'intro.greeting': 'Hello {name},',
  'intro.tip': 'Put the phone in front of you, at face height, in a well-lit room.',
  'start.camera': 'Turn on the camera',
  'start.call': 'Join the call',
  'start.permission': 'Your phone will ask whether this page may use the camera and microphone: answer “Allow”.',

  'state.checking': 'Checking the link…',
  'state.joining': 'Joining the call…',
  'state.liveCamera': 'Live: the other person can see you.',
  'state.liveCall': 'In a call',
  'state.reconnecting': 'Connection lost, reconnecting…',
  'state.waitingForAgent': 'Waiting for the other person…',
  'state.stopped': 'Camera stopped. The call goes on on the TV.',
  'state.left': 'You left the call.',
  'state.ended': 'The call has ended. You can close this page.',
  'state.replaced': 'Another device has taken over this camera.',

  'action.stop': 'Stop',
  'action.hangUp': 'Hang up',
  'action.resume': 'Turn the camera back on',
  'action.rejoin': 'Join again',
  'action.retry': 'Try again',
  'action.mute': 'Mute microphone',
  'action.unmute': 'Unmute microphone',
  'action.switchCamera': 'Switch camera',
  'action.enableSound': 'Turn sound on',

  'video.self': 'Your picture',
  'video.remote': 'The other person',
  'video.remoteNoCamera': 'The other person has no camera: you can hear them.',

  'error.title': 'Cannot go on',
  'error.linkMissing': 'This link is incomplete. On the TV, choose “Use my phone”, then scan the QR code shown.',
  'error.linkMalformed': 'This link is damaged. Scan the QR code on the TV again.',
  'error.linkExpired': 'This link has expired. Scan the QR code on the TV again.',
  'error.linkUnknown': 'This code is no longer valid (it works once, for a few minutes). Scan the TV’s QR code again.',
  'error.linkNotForPhone': 'This link is not meant for a phone. Scan the QR code shown on the TV.',
  'error.permissionDenied':
    'Access to the camera or microphone was refused. Allow it in the browser’s settings for this site, then tap “Try again”.',
  'error.noDevice': 'No camera was found on this phone.',
  'error.deviceBusy': 'The camera is used by another app. Close it, then tap “Try again”.',
  'error.unreachable': 'The call server is not answering. Check that the phone is online, then try again.',
  'error.tokenRefused': 'The call refused this phone: the link has probably expired. Scan the TV’s QR code again.',
  'error.unsupported': 'This browser cannot make video calls. Open the link in an up-to-date Chrome, Safari or Firefox.',
  'error.network': 'The Palier service is not answering. Check the phone’s connection, then try again.',
  'error.tooManyTries': 'Too many tries with this code. Wait a few minutes, then scan the TV’s QR code again.',
  'error.other': 'Something unexpected went wrong. Try again.',
};

export const ar: Record<MessageKey, string> = {
  'app.name': 'Palier',
  'app.title': 'كاميرا لمكالمة الفيديو',
  'language.label': 'اللغة',

  'intro.camera': 'سيعمل هاتفك ككاميرا وميكروفون للمكالمة الجارية على تلفازك.',
  'intro.call': 'لا يستطيع تلفازك عرض الفيديو: تتم المكالمة على هذا الهاتف.',
  'intro.greeting': 'مرحبًا {name}،',
  'intro.tip': 'ضع الهاتف أمامك على مستوى وجهك، في غرفة مضاءة جيدًا.',
  'start.camera': 'تشغيل الكاميرا',
  'start.call': 'الانضمام إلى المكالمة',
  'start.permission': 'سيطلب هاتفك الإذن باستخدام الكاميرا والميكروفون: اختر «السماح».',

  'state.checking': 'جارٍ التحقق من الرابط…',
  'state.joining': 'جارٍ الاتصال بالمكالمة…',
  'state.liveCamera': 'مباشر: محدثك يراك الآن.',
  'state.liveCall': 'في مكالمة',
  'state.reconnecting': 'انقطع الاتصال، جارٍ إعادة الاتصال…',
  'state.waitingForAgent': 'في انتظار محدثك…',
  'state.stopped': 'توقفت الكاميرا. تستمر المكالمة على التلفاز.',
  'state.left': 'لقد غادرت المكالمة.',
  'state.ended': 'انتهت المكالمة. يمكنك إغلاق هذه الصفحة.',
  'state.replaced': 'جهاز آخر يستخدم هذه الكاميرا الآن.',

  'action.stop': 'إيقاف',
  'action.hangUp': 'إنهاء المكالمة',
  'action.resume': 'إعادة تشغيل الكاميرا',
  'action.rejoin': 'الانضمام مجددًا',
  'action.retry': 'إعادة المحاولة',
  'action.mute': 'كتم الميكروفون',
  'action.unmute': 'إلغاء كتم الميكروفون',
  'action.switchCamera': 'تبديل الكاميرا',
  'action.enableSound': 'تشغيل الصوت',

  'video.self': 'صورتك',
  'video.remote': 'محدثك',
  'video.remoteNoCamera': 'ليست لدى محدثك كاميرا: يمكنك سماعه.',

  'error.title': 'تعذّر المتابعة',
  'error.linkMissing': 'هذا الرابط ناقص. على التلفاز، اختر «استخدام هاتفي» ثم امسح رمز QR المعروض.',
  'error.linkMalformed': 'هذا الرابط تالف. امسح رمز QR المعروض على التلفاز مجددًا.',
  'error.linkExpired': 'انتهت صلاحية هذا الرابط. امسح رمز QR المعروض على التلفاز مجددًا.',
  'error.linkUnknown': 'هذا الرمز لم يعد صالحًا (يُستخدم مرة واحدة ولبضع دقائق). امسح رمز QR على التلفاز مجددًا.',
  'error.linkNotForPhone': 'هذا الرابط ليس مخصصًا للهاتف. امسح رمز QR المعروض على التلفاز.',
  'error.permissionDenied': 'تم رفض الوصول إلى الكاميرا أو الميكروفون. اسمح به في إعدادات المتصفح لهذا الموقع، ثم اضغط «إعادة المحاولة».',
  'error.noDevice': 'لم يتم العثور على كاميرا في هذا الهاتف.',
  'error.deviceBusy': 'الكاميرا مستخدمة من تطبيق آخر. أغلقه ثم اضغط «إعادة المحاولة».',
  'error.unreachable': 'خادم المكالمات لا يستجيب. تأكد من اتصال الهاتف بالإنترنت ثم أعد المحاولة.',
  'error.tokenRefused': 'رفضت المكالمة هذا الهاتف: ربما انتهت صلاحية الرابط. امسح رمز QR على التلفاز مجددًا.',
  'error.unsupported': 'هذا المتصفح لا يدعم مكالمات الفيديو. افتح الرابط في إصدار حديث من Chrome أو Safari أو Firefox.',
  'error.network': 'خدمة Palier لا تستجيب. تحقق من اتصال الهاتف ثم أعد المحاولة.',
  'error.tooManyTries': 'محاولات كثيرة بهذا الرمز. انتظر بضع دقائق ثم امسح رمز QR على التلفاز مجددًا.',
  'error.other': 'حدث خطأ غير متوقع. أعد المحاولة.',
};

export type Language = 'fr' | 'en' | 'ar';
export const languages: readonly Language[] = ['fr', 'en', 'ar'];
export const catalogues: Record<Language, Record<MessageKey, string>> = { fr, en, ar };
export const languageNames: Record<Language, string> = { fr: 'Français', en: 'English', ar: 'العربية' };

export function isLanguage(value: string): value is Language {
  return (languages as readonly string[]).includes(value);
}

export function direction(language: Language): 'rtl' | 'ltr' {
  return language === 'ar' ? 'rtl' : 'ltr';
}

/** A choice made on this phone wins, then the TV's language (passed in the link), then the phone's own; else French. */
export function pickLanguage(fromLink: Language | null, saved: string | null, preferred: readonly string[] = []): Language {
  if (saved && isLanguage(saved)) return saved;
  if (fromLink) return fromLink;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0] ?? '';
    if (isLanguage(base)) return base;
  }
  return 'fr';
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(language: Language): Translate {
  const catalogue = catalogues[language];
  return (key, params = {}) =>
    (catalogue[key] ?? fr[key]).replace(/\{(\w+)\}/g, (whole, name: string) =>
      Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
    );
}
