// The one list of problem codes the API returns (RFC 9457 problem+json), with their HTTP status and messages.
import { Type, type Static } from 'typebox';

export const problemCatalogue = {
  validation_failed: { status: 400, fr: 'La demande est incomplète ou mal formée.', en: 'The request is incomplete or malformed.' },
  invalid_cursor: { status: 400, fr: 'Ce lien de page n’est plus valable.', en: 'This page link is no longer valid.' },
  unauthenticated: { status: 401, fr: 'Veuillez vous identifier.', en: 'Please sign in.' },
  invalid_token: {
    status: 401,
    fr: 'Votre session a expiré. Veuillez vous reconnecter.',
    en: 'Your session has expired. Please sign in again.',
  },
  invalid_credentials: { status: 401, fr: 'Adresse e-mail ou mot de passe incorrect.', en: 'Wrong email address or password.' },
  invalid_activation: {
    status: 401,
    fr: 'Référence ou code d’activation incorrect. Vérifiez le courrier de votre bailleur.',
    en: 'Wrong reference or activation code. Check your landlord’s letter.',
  },
  forbidden: { status: 403, fr: 'Vous n’avez pas le droit de faire cela.', en: 'You are not allowed to do this.' },
  out_of_scope: { status: 403, fr: 'Ce lieu ne fait pas partie de votre périmètre.', en: 'This place is outside your area.' },
  not_found: { status: 404, fr: 'Introuvable.', en: 'Not found.' },
  user_code_unknown: {
    status: 404,
    fr: 'Ce code ne correspond à aucun téléviseur. Vérifiez le code affiché à l’écran.',
    en: 'This code matches no TV. Check the code shown on the screen.',
  },
  user_code_expired: {
    status: 410,
    fr: 'Ce code a expiré. Demandez un nouveau code sur le téléviseur.',
    en: 'This code has expired. Ask for a new code on the TV.',
  },
  user_code_used: { status: 409, fr: 'Ce code a déjà été utilisé.', en: 'This code has already been used.' },
  conflict: { status: 409, fr: 'Cette action entre en conflit avec l’état actuel.', en: 'This action conflicts with the current state.' },
  call_transition_refused: {
    status: 409,
    fr: 'Cet appel ne peut plus faire cela : il a changé d’état.',
    en: 'This call cannot do that any more: its state has changed.',
  },
  call_already_claimed: {
    status: 409,
    fr: 'Un autre conseiller a déjà pris cet appel.',
    en: 'Another agent has already taken this call.',
  },
  call_not_joinable: {
    status: 409,
    fr: 'Cet appel n’est pas en cours : impossible de le rejoindre.',
    en: 'This call is not in progress: it cannot be joined.',
  },
  callee_unavailable: {
    status: 409,
    fr: 'Cette personne ne peut pas être appelée.',
    en: 'This person cannot be called.',
  },
  callee_busy: {
    status: 409,
    fr: 'Cette personne est déjà en ligne. Rappelez plus tard.',
    en: 'This person is on another call. Call again later.',
  },
  agent_busy: {
    status: 409,
    fr: 'Vous êtes déjà en communication. Raccrochez avant de répondre à un autre appel.',
    en: 'You are already on a call. Hang up before answering another one.',
  },
  caller_busy: { status: 409, fr: 'Vous avez déjà un appel en cours.', en: 'You already have a call in progress.' },
  outside_opening_hours: {
    status: 409,
    fr: 'Le service d’accueil est fermé. Vous pouvez signaler un problème dès maintenant, ou rappeler aux heures d’ouverture.',
    en: 'The call-centre is closed. You can report a problem now, or call again during opening hours.',
  },
  invalid_webhook_signature: {
    status: 401,
    fr: 'Signature du webhook invalide.',
    en: 'Invalid webhook signature.',
  },
  video_unavailable: {
    status: 503,
    fr: 'La vidéo n’est pas disponible pour le moment.',
    en: 'Video is not available at the moment.',
  },
  handoff_code_unknown: {
    status: 404,
    fr: 'Ce code ne correspond à rien. Vérifiez le code affiché sur le téléviseur.',
    en: 'This code matches nothing. Check the code shown on the TV.',
  },
  handoff_code_expired: {
    status: 410,
    fr: 'Ce code a expiré. Demandez-en un nouveau sur le téléviseur.',
    en: 'This code has expired. Ask the TV for a new one.',
  },
  handoff_code_used: {
    status: 409,
    fr: 'Ce code a déjà servi. Demandez-en un nouveau sur le téléviseur.',
    en: 'This code has already been used. Ask the TV for a new one.',
  },
  report_transition_refused: {
    status: 409,
    fr: 'Ce signalement ne peut pas faire cela dans son état actuel.',
    en: 'This report cannot do that in its current state.',
  },
  report_reopen_window_closed: {
    status: 409,
    fr: 'Le délai de 15 jours pour rouvrir ce signalement est dépassé. Faites un nouveau signalement.',
    en: 'The 15 days to reopen this report are over. Please make a new report.',
  },
  report_already_rated: { status: 409, fr: 'Vous avez déjà noté ce signalement.', en: 'You have already rated this report.' },
  report_not_shared: {
    status: 409,
    fr: 'Seuls les signalements ouverts des parties communes de votre immeuble acceptent « moi aussi ».',
    en: 'Only open reports about common areas of your building take “me too”.',
  },
  slot_unavailable: {
    status: 409,
    fr: 'Ce créneau n’est plus proposé. Choisissez-en un autre.',
    en: 'This slot is no longer offered. Please pick another one.',
  },
  too_many_photos: {
    status: 409,
    fr: 'Pas plus de 6 photos par signalement.',
    en: 'No more than 6 photos per report.',
  },
  too_many_post_photos: {
    status: 409,
    fr: 'Pas plus de 4 photos par message. Retirez-en une sur la télévision pour en ajouter une autre.',
    en: 'No more than 4 photos per post. Remove one on the TV to add another.',
  },
  post_draft_closed: {
    status: 409,
    fr: 'Ce message n’est plus en cours d’écriture (publié ou abandonné). Demandez un nouveau code sur la télévision.',
    en: 'This post is no longer being written (published or discarded). Ask the TV for a new code.',
  },
  photo_too_large: { status: 413, fr: 'Cette photo est trop lourde (10 Mo au plus).', en: 'This photo is too large (10 MB at most).' },
  photo_unreadable: {
    status: 415,
    fr: 'Ce fichier n’est pas une photo lisible (JPEG, PNG ou WebP).',
    en: 'This file is not a readable photo (JPEG, PNG or WebP).',
  },
  forbidden_word: {
    status: 422,
    fr: 'Votre texte contient un mot interdit sur Palier. Modifiez-le puis renvoyez-le.',
    en: 'Your text contains a word that is forbidden on Palier. Change it and send it again.',
  },
  event_full: { status: 409, fr: 'Cet événement est complet.', en: 'This event is full.' },
  not_an_event: { status: 409, fr: 'Ce message n’est pas un événement.', en: 'This post is not an event.' },
  // notices
  reminder_too_soon: {
    status: 429,
    fr: 'Un rappel a déjà été envoyé pour cet avis il y a moins d’une heure.',
    en: 'A reminder was already sent for this notice less than an hour ago.',
  },
  notice_not_current: {
    status: 409,
    fr: 'Cet avis n’est pas en cours de validité : il ne peut pas être rappelé.',
    en: 'This notice is not currently valid: it cannot be reminded.',
  },
  picture_in_use: {
    status: 409,
    fr: 'Cette image est déjà jointe à un autre avis.',
    en: 'This picture is already attached to another notice.',
  },
  // --- town-hall e-services ---
  eservice_schema_invalid: {
    status: 422,
    fr: 'Ce formulaire n’est pas valable : corrigez les erreurs indiquées.',
    en: 'This form is not valid: fix the errors shown.',
  },
  eservice_answers_invalid: {
    status: 422,
    fr: 'Une réponse ne convient pas. Vérifiez la question indiquée.',
    en: 'An answer is not valid. Check the question shown.',
  },
  eservice_form_retired: {
    status: 409,
    fr: 'Cette démarche n’est plus proposée par la mairie.',
    en: 'The town hall no longer offers this procedure.',
  },
  eservice_transition_refused: {
    status: 409,
    fr: 'Cette demande ne peut pas faire cela dans son état actuel.',
    en: 'This request cannot do that in its current state.',
  },
  eservice_form_slug_taken: {
    status: 409,
    fr: 'Un formulaire porte déjà ce nom court dans votre organisation.',
    en: 'A form of your organisation already has this short name.',
  },
  mandate_withdrawn: {
    status: 403,
    fr: 'Cette personne a retiré le droit d’agir en son nom.',
    en: 'This person has withdrawn the right to act on their behalf.',
  },
  mandate_not_active: {
    status: 409,
    fr: 'Ce droit a été retiré : donnez-le à nouveau pour choisir ce que la personne peut faire.',
    en: 'This right was withdrawn: give it again to choose what the person may do.',
  },
  eservice_nothing_to_publish: {
    status: 409,
    fr: 'Aucune nouvelle version à publier.',
    en: 'There is no new version to publish.',
  },
  // appointments
  slot_full: {
    status: 409,
    fr: 'Ce créneau vient d’être pris. Choisissez-en un autre.',
    en: 'This slot has just been taken. Please pick another one.',
  },
  appointment_cutoff_passed: {
    status: 409,
    fr: 'Il est trop tard pour modifier ou annuler ce rendez-vous en ligne. Appelez le service concerné.',
    en: 'It is too late to change or cancel this appointment online. Please call the service.',
  },
  appointment_not_active: {
    status: 409,
    fr: 'Ce rendez-vous est déjà annulé ou passé.',
    en: 'This appointment is already cancelled or over.',
  },
  slot_has_bookings: {
    status: 409,
    fr: 'Des locataires ont déjà réservé ce créneau : son lieu, son heure et sa durée ne peuvent plus changer. Annulez-le (ils seront prévenus) ou changez seulement le nombre de places.',
    en: 'Tenants have already booked this slot: its place, time and duration can no longer change. Cancel it (they will be told) or change only the number of seats.',
  },
  slot_capacity_below_bookings: {
    status: 409,
    fr: 'Le nombre de places ne peut pas descendre sous le nombre de réservations déjà faites.',
    en: 'The number of seats cannot go below the bookings already made.',
  },
  slot_time_taken: {
    status: 409,
    fr: 'Un autre créneau de la même série commence déjà à cette heure.',
    en: 'Another slot of the same series already starts at this time.',
  },
  slot_cancelled: {
    status: 409,
    fr: 'Ce créneau a été annulé : il ne peut plus être modifié.',
    en: 'This slot was cancelled: it can no longer be changed.',
  },
  slot_in_the_past: {
    status: 409,
    fr: 'Ce créneau a déjà commencé : il ne peut plus être modifié ni annulé.',
    en: 'This slot has already started: it can no longer be changed or cancelled.',
  },
  appointment_service_retired: {
    status: 409,
    fr: 'Cet objet de rendez-vous a été retiré : il ne prend plus de nouveaux créneaux ni de réservations.',
    en: 'This appointment subject was retired: it takes no new slots or bookings.',
  },
  // phone hand-off of a long text
  handoff_text_already_sent: {
    status: 409,
    fr: 'Ce texte a déjà été envoyé au téléviseur. Pour le changer, demandez un nouveau code sur le téléviseur.',
    en: 'This text was already sent to the TV. To change it, ask the TV for a new code.',
  },
  // private conversations (wip/neighbours)
  conversation_closed: {
    status: 409,
    fr: 'Cette conversation est terminée : vous ne pouvez plus y écrire.',
    en: 'This conversation is closed: you cannot write in it any more.',
  },
  neighbour_unavailable: {
    status: 409,
    fr: 'Vous ne pouvez pas écrire à cette personne.',
    en: 'You cannot write to this person.',
  },
  own_post: { status: 409, fr: 'C’est votre propre annonce.', en: 'This is your own post.' },
  rate_limited: {
    status: 429,
    fr: 'Trop d’essais. Patientez un instant puis réessayez.',
    en: 'Too many attempts. Wait a moment and try again.',
  },
  unavailable: { status: 503, fr: 'Le service est momentanément indisponible.', en: 'The service is temporarily unavailable.' },
  internal: {
    status: 500,
    fr: 'Une erreur inattendue est survenue. Réessayez plus tard.',
    en: 'An unexpected error occurred. Please try again later.',
  },
  // moderation
  posting_suspended: {
    status: 403,
    fr: 'Un modérateur a suspendu vos publications : vous ne pouvez ni publier, ni répondre, ni écrire à un voisin pour le moment.',
    en: 'A moderator has suspended your posting: you cannot post, reply or message a neighbour for now.',
  },
  cannot_report_oneself: {
    status: 409,
    fr: 'Vous ne pouvez pas signaler votre propre message.',
    en: 'You cannot report your own content.',
  },
  moderation_action_refused: {
    status: 409,
    fr: 'Cette décision ne s’applique pas à cet élément dans son état actuel.',
    en: 'This decision does not apply to this item in its current state.',
  },
} as const;

export type ProblemCode = keyof typeof problemCatalogue;
export type ProblemLanguage = 'fr' | 'en';

export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    code: Type.String({ description: 'Stable machine-readable problem code' }),
    requestId: Type.Optional(Type.String()),
    errors: Type.Optional(
      Type.Array(Type.Object({ field: Type.String(), message: Type.String() }), {
        description: 'For validation_failed: which field failed and why',
      }),
    ),
    retryAfterSeconds: Type.Optional(Type.Integer()),
    opensAt: Type.Optional(Type.String({ format: 'date-time', description: 'For outside_opening_hours: when the call-centre next opens' })),
    // moderation
    until: Type.Optional(Type.String({ format: 'date-time', description: 'For posting_suspended: when the tenant may post again' })),
    word: Type.Optional(Type.String({ description: 'For forbidden_word: the forbidden word found, as the landlord listed it' })),
  },
  { description: 'RFC 9457 problem details' },
);
export type Problem = Static<typeof Problem>;

export function problemMessage(code: ProblemCode, language: ProblemLanguage): string {
  return problemCatalogue[code][language];
}

export function isProblemCode(value: string): value is ProblemCode {
  return Object.prototype.hasOwnProperty.call(problemCatalogue, value);
}
