// The agenda task's words, French and English, kept beside the page (the shared catalogues hold only its nav label).
import { fill, type Language, type Params } from '../../i18n/catalogue';

const fr = {
  title: 'Agenda des rendez-vous',
  intro:
    'Publiez des créneaux, voyez qui vient, annulez un rendez-vous ou un créneau en prévenant les locataires, modifiez un créneau, retirez un objet. Heures de Paris.',
  from: 'À partir du',
  view: 'Affichage',
  day: 'Jour',
  week: 'Semaine',
  place: 'Lieu',
  allPlaces: 'Tous les lieux',
  previous: 'Précédent',
  next: 'Suivant',
  loading: 'Chargement de l’agenda…',
  live: 'Agenda en direct',
  failed: 'L’agenda n’a pas pu être chargé.',
  empty: 'Aucun créneau sur cette période.',
  more: 'Voir plus',
  seats: '{booked} / {capacity} réservé(s)',
  free: 'libre',
  nobody: 'Personne pour l’instant.',
  reference: 'Réf. {reference}',
  ics: 'Télécharger le .ics',
  cancel: 'Annuler…',
  reason: 'Motif (envoyé au locataire)',
  reasonHint: 'Le locataire reçoit un avis personnel sur son téléviseur, dans sa langue, avec ce motif.',
  confirmCancel: 'Annuler le rendez-vous',
  keep: 'Ne pas annuler',
  cancelling: 'Annulation…',
  cancelled: 'Rendez-vous de {name} annulé ; le locataire est prévenu.',
  publishTitle: 'Publier une série de créneaux',
  service: 'Objet du rendez-vous',
  newService: 'Nouvel objet…',
  subject: 'Objet',
  whatToBring: 'À apporter (facultatif)',
  cutoff: 'Annulation possible jusqu’à (heures avant)',
  createService: 'Créer l’objet',
  placeName: 'Nom du lieu',
  placeAddress: 'Adresse',
  firstDay: 'Premier jour',
  weeks: 'Pendant (semaines)',
  weekdays: 'Jours',
  startTime: 'De',
  endTime: 'À',
  every: 'Toutes les (minutes)',
  duration: 'Durée (minutes)',
  capacity: 'Personnes par créneau',
  publish: 'Publier les créneaux',
  publishing: 'Publication…',
  published: '{count} créneau(x) publié(s).',
  noService: 'Créez d’abord un objet de rendez-vous.',
  'weekday.1': 'Lun',
  'weekday.2': 'Mar',
  'weekday.3': 'Mer',
  'weekday.4': 'Jeu',
  'weekday.5': 'Ven',
  'weekday.6': 'Sam',
  'weekday.7': 'Dim',
  editSlot: 'Modifier…',
  cancelSlot: 'Annuler le créneau…',
  slotCancelled: 'créneau annulé',
  slotCancelReason: 'Annulé : {reason}',
  serviceRetired: 'objet retiré',
  editBookedHint:
    '{booked} locataire(s) ont réservé : le lieu, l’heure et la durée ne peuvent plus changer (ils ont été prévenus de ce qui est prévu). Seul le nombre de places peut changer, sans descendre sous {booked}.',
  capacityHint: 'Au moins {booked} (les places déjà réservées).',
  date: 'Date',
  time: 'Heure',
  saveSlot: 'Enregistrer les changements',
  saving: 'Enregistrement…',
  keepSlot: 'Ne rien changer',
  slotSaved: 'Créneau de {time} modifié.',
  changedElsewhere:
    'Ce créneau vient d’être modifié ailleurs (maintenant à {time}, {booked} / {capacity} réservé(s)). Ce que vous avez saisi est gardé, le reste suit le créneau : vérifiez avant d’enregistrer.',
  cancelSlotWarning:
    '{count} locataire(s) ont réservé ce créneau : leur rendez-vous sera annulé et chacun recevra un avis sur son téléviseur, dans sa langue, avec votre motif.',
  cancelSlotEmpty: 'Personne n’a réservé ce créneau : il ne sera plus proposé.',
  reasonInternal: 'Motif (gardé dans l’agenda)',
  confirmCancelSlot: 'Annuler le créneau et prévenir {count} locataire(s)',
  confirmCancelEmptySlot: 'Annuler le créneau',
  slotCancelledDone: 'Créneau de {time} annulé ; {count} locataire(s) prévenu(s).',
  servicesTitle: 'Objets de rendez-vous',
  retire: 'Retirer…',
  retireQuestion: 'Retirer « {subject} » ?',
  retireHelp:
    'Plus aucun créneau ni aucune réservation ; il disparaît de la liste des téléviseurs. Les rendez-vous déjà pris sont maintenus (vous pouvez les annuler un par un ou par créneau).',
  confirmRetire: 'Retirer l’objet',
  retiring: 'Retrait…',
  keepService: 'Garder',
  retired: '« {subject} » est retiré : il n’est plus proposé aux locataires.',
};
export type AgendaMessageKey = keyof typeof fr;

const en: Record<AgendaMessageKey, string> = {
  title: 'Appointments agenda',
  intro:
    'Publish slots, see who is coming, cancel an appointment or a slot and tell the tenants, edit a slot, retire a subject. Paris time.',
  from: 'From',
  view: 'View',
  day: 'Day',
  week: 'Week',
  place: 'Place',
  allPlaces: 'All places',
  previous: 'Previous',
  next: 'Next',
  loading: 'Loading the agenda…',
  live: 'Live agenda',
  failed: 'The agenda could not be loaded.',
  empty: 'No slot in this period.',
  more: 'Show more',
  seats: '{booked} / {capacity} booked',
  free: 'free',
  nobody: 'Nobody yet.',
  reference: 'Ref. {reference}',
  ics: 'Download the .ics',
  cancel: 'Cancel…',
  reason: 'Reason (sent to the tenant)',
  reasonHint: 'The tenant gets a personal notice on their TV, in their language, with this reason.',
  confirmCancel: 'Cancel the appointment',
  keep: 'Keep it',
  cancelling: 'Cancelling…',
  cancelled: '{name}’s appointment cancelled; the tenant has been told.',
  publishTitle: 'Publish a series of slots',
  service: 'Subject',
  newService: 'New subject…',
  subject: 'Subject',
  whatToBring: 'What to bring (optional)',
  cutoff: 'Cancellable until (hours before)',
  createService: 'Create the subject',
  placeName: 'Place name',
  placeAddress: 'Address',
  firstDay: 'First day',
  weeks: 'For (weeks)',
  weekdays: 'Days',
  startTime: 'From',
  endTime: 'To',
  every: 'Every (minutes)',
  duration: 'Duration (minutes)',
  capacity: 'People per slot',
  publish: 'Publish the slots',
  publishing: 'Publishing…',
  published: '{count} slot(s) published.',
  noService: 'Create an appointment subject first.',
  'weekday.1': 'Mon',
  'weekday.2': 'Tue',
  'weekday.3': 'Wed',
  'weekday.4': 'Thu',
  'weekday.5': 'Fri',
  'weekday.6': 'Sat',
  'weekday.7': 'Sun',
  editSlot: 'Edit…',
  cancelSlot: 'Cancel the slot…',
  slotCancelled: 'slot cancelled',
  slotCancelReason: 'Cancelled: {reason}',
  serviceRetired: 'subject retired',
  editBookedHint:
    '{booked} tenant(s) booked it: place, time and duration can no longer change (they were told what is planned). Only the number of seats can change, not below {booked}.',
  capacityHint: 'At least {booked} (the seats already booked).',
  date: 'Date',
  time: 'Time',
  saveSlot: 'Save the changes',
  saving: 'Saving…',
  keepSlot: 'Change nothing',
  slotSaved: 'Slot of {time} changed.',
  changedElsewhere:
    'This slot was just changed elsewhere (now at {time}, {booked} / {capacity} booked). What you typed is kept, the rest follows the slot: check before saving.',
  cancelSlotWarning:
    '{count} tenant(s) booked this slot: their appointment will be cancelled and each gets a notice on their TV, in their language, with your reason.',
  cancelSlotEmpty: 'Nobody booked this slot: it will no longer be offered.',
  reasonInternal: 'Reason (kept in the agenda)',
  confirmCancelSlot: 'Cancel the slot and tell {count} tenant(s)',
  confirmCancelEmptySlot: 'Cancel the slot',
  slotCancelledDone: 'Slot of {time} cancelled; {count} tenant(s) told.',
  servicesTitle: 'Appointment subjects',
  retire: 'Retire…',
  retireQuestion: 'Retire “{subject}”?',
  retireHelp:
    'No more slots or bookings; it disappears from the TVs’ list. Appointments already booked stay (you can cancel them one by one or by slot).',
  confirmRetire: 'Retire the subject',
  retiring: 'Retiring…',
  keepService: 'Keep it',
  retired: '“{subject}” is retired: tenants are no longer offered it.',
};

export type AgendaTranslate = (key: AgendaMessageKey, params?: Params) => string;

export function agendaTranslator(language: Language): AgendaTranslate {
  const catalogue = language === 'en' ? en : fr;
  return (key, params) => fill(catalogue[key], params);
}

/** "mardi 1 décembre" for a Paris calendar date, read as a date (no time zone can shift it). */
export function dayHeading(localDate: string, language: Language): string {
  const [year, month, day] = localDate.split('-').map(Number);
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'fr-FR', {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(new Date(Date.UTC(year!, month! - 1, day!, 12)));
}

export function addDays(localDate: string, days: number): string {
  const [year, month, day] = localDate.split('-').map(Number);
  const next = new Date(Date.UTC(year!, month! - 1, day! + days, 12));
  return next.toISOString().slice(0, 10);
}

/** Today's date on the Paris wall clock. */
export function parisToday(): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date());
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
