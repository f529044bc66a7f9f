// What the server writes to a tenant about an appointment (reminder, cancellation, calendar file), in their language.
import { APPOINTMENT_TIME_ZONE } from '@palier/contracts';

export type TenantLanguage = 'fr' | 'en' | 'ar';

export function tenantLanguage(language: string): TenantLanguage {
  return language === 'en' || language === 'ar' ? language : 'fr';
}

const LOCALES: Record<TenantLanguage, string> = { fr: 'fr-FR', en: 'en-GB', ar: 'ar-u-nu-latn' };

/** "mardi 1 décembre à 09:30" / "Tuesday 1 December at 09:30" / "الثلاثاء 1 ديسمبر الساعة 09:30", Paris time. */
export function describeWhen(at: Date, language: TenantLanguage): string {
  const locale = LOCALES[language];
  const day = new Intl.DateTimeFormat(locale, { timeZone: APPOINTMENT_TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long' }).format(
    at,
  );
  const time = new Intl.DateTimeFormat(locale, {
    timeZone: APPOINTMENT_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  return { fr: `${day} à ${time}`, en: `${day} at ${time}`, ar: `${day} الساعة ${time}` }[language];
}

export interface AppointmentFacts {
  subject: string;
  organisation: string;
  placeName: string;
  placeAddress: string;
  startsAt: Date;
  whatToBring: string | null;
}

function where(facts: AppointmentFacts): string {
  return `${facts.placeName}, ${facts.placeAddress}`;
}

export function reminderNotice(facts: AppointmentFacts, language: TenantLanguage): { title: string; body: string } {
  const when = describeWhen(facts.startsAt, language);
  const bring = facts.whatToBring;
  switch (language) {
    case 'en':
      return {
        title: `Reminder: your appointment tomorrow — ${facts.subject}`,
        body: [`${facts.organisation} expects you ${when}.`, `Where: ${where(facts)}.`, bring ? `Please bring: ${bring}` : '']
          .filter(Boolean)
          .join('\n'),
      };
    case 'ar':
      return {
        title: `تذكير: موعدك غدًا — ${facts.subject}`,
        body: [`${facts.organisation} بانتظارك ${when}.`, `المكان: ${where(facts)}.`, bring ? `يرجى إحضار: ${bring}` : '']
          .filter(Boolean)
          .join('\n'),
      };
    default:
      return {
        title: `Rappel : votre rendez-vous de demain — ${facts.subject}`,
        body: [`${facts.organisation} vous attend ${when}.`, `Lieu : ${where(facts)}.`, bring ? `À apporter : ${bring}` : '']
          .filter(Boolean)
          .join('\n'),
      };
  }
}

export function cancellationNotice(facts: AppointmentFacts, reason: string, language: TenantLanguage): { title: string; body: string } {
  const when = describeWhen(facts.startsAt, language);
  switch (language) {
    case 'en':
      return {
        title: `Appointment cancelled — ${facts.subject}`,
        body: `${facts.organisation} has cancelled your appointment of ${when}.\nReason: ${reason}\nYou can book another time from “Appointments”.`,
      };
    case 'ar':
      return {
        title: `تم إلغاء الموعد — ${facts.subject}`,
        body: `ألغت ${facts.organisation} موعدك ${when}.\nالسبب: ${reason}\nيمكنك حجز موعد آخر من «المواعيد».`,
      };
    default:
      return {
        title: `Rendez-vous annulé — ${facts.subject}`,
        body: `${facts.organisation} a annulé votre rendez-vous du ${when}.\nMotif : ${reason}\nVous pouvez prendre un autre rendez-vous depuis « Rendez-vous ».`,
      };
  }
}

export function calendarDescription(facts: AppointmentFacts, language: TenantLanguage): string {
  const bring = facts.whatToBring;
  const lines = {
    fr: [`Rendez-vous avec ${facts.organisation}.`, bring ? `À apporter : ${bring}` : ''],
    en: [`Appointment with ${facts.organisation}.`, bring ? `Please bring: ${bring}` : ''],
    ar: [`موعد مع ${facts.organisation}.`, bring ? `يرجى إحضار: ${bring}` : ''],
  }[language];
  return lines.filter(Boolean).join('\n');
}
