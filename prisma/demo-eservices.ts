// The demo town hall's and city's e-service forms, published: what Les Lauriers' tenants (13e–14e) find on their TV.
// French first, with English and Arabic. Used by the demo residence's seed (and so by the tests' template).
import type { Prisma, PrismaClient } from '@prisma/client';

type Text = { fr: string; en: string; ar: string };
const t = (fr: string, en: string, ar: string): Text => ({ fr, en, ar });

interface Question {
  schema: Record<string, unknown>;
  title: Text;
  help?: Text;
  widget: 'choice' | 'multiChoice' | 'date' | 'text' | 'longText' | 'number' | 'yesNo';
  choices?: Record<string, Text>;
  required?: boolean;
}

/** A form's JSON Schema 2020-12 with its x-palier extension, from questions in the order they are asked. */
function formSchema(title: Text, description: Text, questions: Record<string, Question>): Record<string, unknown> {
  const names = Object.keys(questions);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    additionalProperties: false,
    required: names.filter((name) => questions[name]!.required !== false),
    properties: Object.fromEntries(names.map((name) => [name, questions[name]!.schema])),
    'x-palier': {
      title,
      description,
      order: names,
      questions: Object.fromEntries(
        names.map((name) => {
          const { title: questionTitle, help, widget, choices } = questions[name]!;
          return [name, { title: questionTitle, ...(help ? { help } : {}), widget, ...(choices ? { choices } : {}) }];
        }),
      ),
    },
  };
}

const choice = (choices: Record<string, Text>) => ({
  schema: { type: 'string', enum: Object.keys(choices) },
  choices,
  widget: 'choice' as const,
});
const shortText = (maxLength = 100) => ({ schema: { type: 'string', minLength: 1, maxLength }, widget: 'text' as const });
const date = { schema: { type: 'string', format: 'date' }, widget: 'date' as const };
const yesNo = { schema: { type: 'boolean' }, widget: 'yesNo' as const };

export const civilStatusCertificate = formSchema(
  t('Demander un acte d’état civil', 'Request a civil-status certificate', 'طلب وثيقة من الحالة المدنية'),
  t(
    'Acte de naissance, de mariage ou de décès enregistré à Marseille, envoyé chez vous ou à retirer en mairie.',
    'A birth, marriage or death certificate registered in Marseille, sent to your home or collected at the town hall.',
    'عقد ولادة أو زواج أو وفاة مسجل في مرسيليا، يُرسل إلى منزلك أو يُستلم من البلدية.',
  ),
  {
    act: {
      ...choice({
        birth: t('Acte de naissance', 'Birth certificate', 'عقد الولادة'),
        marriage: t('Acte de mariage', 'Marriage certificate', 'عقد الزواج'),
        death: t('Acte de décès', 'Death certificate', 'عقد الوفاة'),
      }),
      title: t('Quel acte demandez-vous ?', 'Which certificate do you need?', 'ما هي الوثيقة التي تطلبها؟'),
    },
    format: {
      ...choice({
        full_copy: t('Copie intégrale', 'Full copy', 'نسخة كاملة'),
        extract_with_parents: t('Extrait avec filiation', 'Extract with parents', 'مستخرج مع النسب'),
        extract_without_parents: t('Extrait sans filiation', 'Extract without parents', 'مستخرج بدون النسب'),
        multilingual: t('Extrait plurilingue', 'Multilingual extract', 'مستخرج متعدد اللغات'),
      }),
      title: t('Sous quelle forme ?', 'In which form?', 'بأي شكل؟'),
      help: t(
        'En cas de doute, l’extrait avec filiation suffit pour la plupart des démarches.',
        'If unsure, the extract with parents is enough for most procedures.',
        'في حالة الشك، يكفي المستخرج مع النسب لمعظم الإجراءات.',
      ),
    },
    lastName: {
      ...shortText(),
      title: t('Nom de famille de la personne concernée', 'Surname of the person named on the certificate', 'اسم العائلة للشخص المعني'),
    },
    firstNames: {
      ...shortText(),
      title: t('Prénoms de la personne concernée', 'First names of that person', 'الأسماء الشخصية للشخص المعني'),
    },
    eventDate: {
      ...date,
      title: t('Date de l’événement', 'Date of the event', 'تاريخ الحدث'),
      help: t(
        'La date de la naissance, du mariage ou du décès.',
        'The date of the birth, marriage or death.',
        'تاريخ الولادة أو الزواج أو الوفاة.',
      ),
    },
    relation: {
      ...choice({
        self: t('C’est moi', 'It is me', 'أنا'),
        spouse: t('Mon époux ou mon épouse', 'My spouse', 'زوجي أو زوجتي'),
        parent: t('Mon père ou ma mère', 'My father or mother', 'أبي أو أمي'),
        child: t('Mon enfant', 'My child', 'طفلي'),
        grandparent: t('Mon grand-parent', 'My grandparent', 'جدي أو جدتي'),
        legal_representative: t('Je suis son représentant légal', 'I am their legal representative', 'أنا ممثله القانوني'),
      }),
      title: t('Quel est votre lien avec cette personne ?', 'How are you related to this person?', 'ما هي صلتك بهذا الشخص؟'),
    },
    delivery: {
      ...choice({
        post: t('Par courrier, chez moi', 'By post, to my home', 'بالبريد إلى منزلي'),
        counter: t('Je viens le chercher en mairie', 'I will collect it at the town hall', 'سأستلمه من البلدية'),
      }),
      title: t('Comment voulez-vous le recevoir ?', 'How would you like to receive it?', 'كيف تريد استلامه؟'),
    },
    copies: {
      schema: { type: 'integer', minimum: 1, maximum: 5 },
      widget: 'number',
      title: t('Combien d’exemplaires ?', 'How many copies?', 'كم نسخة؟'),
      help: t('De 1 à 5.', 'From 1 to 5.', 'من 1 إلى 5.'),
    },
  },
);

export const roadProblem = formSchema(
  t('Signaler un problème sur la voie publique', 'Report a problem on the public road', 'الإبلاغ عن مشكلة في الطريق العام'),
  t(
    'Nid-de-poule, éclairage en panne, panneau abîmé… Les services de la Ville interviennent selon l’urgence.',
    'Pothole, broken street light, damaged sign… The city’s services act according to urgency.',
    'حفرة، إنارة معطلة، لافتة تالفة… تتدخل مصالح المدينة حسب الاستعجال.',
  ),
  {
    kind: {
      ...choice({
        pothole: t('Nid-de-poule, chaussée abîmée', 'Pothole, damaged road', 'حفرة أو طريق متضرر'),
        lighting: t('Éclairage public en panne', 'Street light out', 'إنارة عمومية معطلة'),
        signage: t('Panneau ou feu abîmé', 'Damaged sign or traffic light', 'لافتة أو إشارة ضوئية تالفة'),
        sidewalk: t('Trottoir dangereux', 'Dangerous pavement', 'رصيف خطير'),
        trees: t('Arbre ou branche dangereux', 'Dangerous tree or branch', 'شجرة أو غصن خطير'),
        graffiti: t('Tags, affichage sauvage', 'Graffiti, fly-posting', 'كتابات على الجدران أو ملصقات عشوائية'),
        abandoned_vehicle: t('Véhicule abandonné', 'Abandoned vehicle', 'مركبة مهجورة'),
        other: t('Autre problème', 'Another problem', 'مشكلة أخرى'),
      }),
      title: t('Quel est le problème ?', 'What is the problem?', 'ما هي المشكلة؟'),
    },
    where: {
      ...shortText(200),
      title: t('Où exactement ?', 'Where exactly?', 'أين بالضبط؟'),
      help: t(
        'Une adresse ou un repère : « devant le 12 avenue de Frais-Vallon ».',
        'An address or a landmark: “in front of 12 avenue de Frais-Vallon”.',
        'عنوان أو معلم: «أمام 12 شارع فري فالون».',
      ),
    },
    noticedOn: { ...date, title: t('Quand l’avez-vous remarqué ?', 'When did you notice it?', 'متى لاحظت ذلك؟') },
    dangerous: { ...yesNo, title: t('Est-ce dangereux pour les passants ?', 'Is it dangerous for passers-by?', 'هل هو خطير على المارة؟') },
    description: {
      schema: { type: 'string', minLength: 10, maxLength: 2000 },
      widget: 'longText',
      title: t('Décrivez le problème', 'Describe the problem', 'صف المشكلة'),
      help: t(
        'Quelques mots suffisent. Vous pouvez aussi écrire depuis votre téléphone.',
        'A few words are enough. You can also type on your phone.',
        'بضع كلمات تكفي. يمكنك أيضا الكتابة من هاتفك.',
      ),
    },
  },
);

export const bulkyWaste = formSchema(
  t('Faire enlever des encombrants', 'Bulky-waste collection', 'طلب رفع النفايات الكبيرة'),
  t(
    'Un rendez-vous gratuit pour enlever meubles, matelas et gros appareils devant votre résidence.',
    'A free appointment to take away furniture, mattresses and large appliances from outside your residence.',
    'موعد مجاني لرفع الأثاث والمراتب والأجهزة الكبيرة أمام إقامتك.',
  ),
  {
    items: {
      schema: {
        type: 'array',
        minItems: 1,
        uniqueItems: true,
        items: { type: 'string', enum: ['furniture', 'mattress', 'appliance', 'wood', 'other'] },
      },
      widget: 'multiChoice',
      choices: {
        furniture: t('Meubles', 'Furniture', 'أثاث'),
        mattress: t('Matelas, sommier', 'Mattress, bed base', 'مرتبة أو قاعدة سرير'),
        appliance: t('Gros électroménager', 'Large appliance', 'أجهزة منزلية كبيرة'),
        wood: t('Bois, planches', 'Wood, planks', 'خشب وألواح'),
        other: t('Autre', 'Other', 'أخرى'),
      },
      title: t('Que faut-il enlever ?', 'What needs taking away?', 'ما الذي يجب رفعه؟'),
      help: t('Choisissez tout ce qui convient.', 'Choose all that apply.', 'اختر كل ما ينطبق.'),
    },
    volume: {
      ...choice({
        small: t('Moins de 1 m³ (un fauteuil)', 'Under 1 m³ (an armchair)', 'أقل من 1 متر مكعب (أريكة)'),
        medium: t('De 1 à 3 m³ (une armoire)', '1 to 3 m³ (a wardrobe)', 'من 1 إلى 3 متر مكعب (خزانة)'),
        large: t('Plus de 3 m³', 'Over 3 m³', 'أكثر من 3 متر مكعب'),
      }),
      title: t('Quel volume environ ?', 'Roughly how much?', 'ما هو الحجم تقريبا؟'),
    },
    preferredDate: {
      ...date,
      title: t('Quel jour vous arrangerait ?', 'Which day would suit you?', 'أي يوم يناسبك؟'),
      help: t('La mairie vous confirmera le jour exact.', 'The town hall will confirm the exact day.', 'ستؤكد لك البلدية اليوم المحدد.'),
    },
    accessNotes: {
      schema: { type: 'string', maxLength: 500 },
      widget: 'longText',
      required: false,
      title: t('Précisions pour l’équipe', 'Notes for the team', 'ملاحظات للفريق'),
      help: t('Étage, accès, objets lourds…', 'Floor, access, heavy items…', 'الطابق، المدخل، أغراض ثقيلة…'),
    },
  },
);

export const electoralRollCheck = formSchema(
  t(
    'Vérifier mon inscription sur les listes électorales',
    'Check my registration on the electoral roll',
    'التحقق من تسجيلي في القوائم الانتخابية',
  ),
  t(
    'La Ville vérifie que vous êtes inscrit à Marseille et vous indique votre bureau de vote.',
    'The city checks that you are registered in Marseille and tells you your polling station.',
    'تتحقق المدينة من تسجيلك في مرسيليا وتخبرك بمكتب التصويت الخاص بك.',
  ),
  {
    lastName: { ...shortText(), title: t('Votre nom de famille (de naissance)', 'Your surname (at birth)', 'اسم عائلتك (عند الولادة)') },
    firstNames: { ...shortText(), title: t('Vos prénoms', 'Your first names', 'أسماؤك الشخصية') },
    birthDate: { ...date, title: t('Votre date de naissance', 'Your date of birth', 'تاريخ ولادتك') },
    birthPlace: { ...shortText(), title: t('Votre commune de naissance', 'Your town of birth', 'مدينة ولادتك') },
    movedRecently: {
      ...yesNo,
      title: t(
        'Avez-vous déménagé depuis la dernière élection ?',
        'Have you moved since the last election?',
        'هل انتقلت منذ آخر انتخابات؟',
      ),
    },
    answerBy: {
      ...choice({
        tv: t('Sur ma télévision, dans Palier', 'On my TV, in Palier', 'على تلفازي في باليي'),
        post: t('Par courrier', 'By post', 'بالبريد'),
      }),
      title: t('Comment voulez-vous la réponse ?', 'How would you like the answer?', 'كيف تريد تلقي الرد؟'),
    },
  },
);

export const adviserAppointment = formSchema(
  t('Rencontrer un conseiller de la mairie', 'Meet an adviser at the town hall', 'لقاء مستشار في البلدية'),
  t(
    'Un rendez-vous avec un conseiller de la mairie de secteur pour parler de votre situation.',
    'An appointment with an adviser of the district town hall to talk about your situation.',
    'موعد مع مستشار في بلدية القطاع للحديث عن وضعك.',
  ),
  {
    topic: {
      ...choice({
        housing: t('Logement', 'Housing', 'السكن'),
        social_help: t('Aides sociales', 'Social benefits', 'المساعدات الاجتماعية'),
        school: t('École, cantine, périscolaire', 'School, canteen, after-school', 'المدرسة والمطعم المدرسي'),
        employment: t('Emploi, formation', 'Work, training', 'العمل والتكوين'),
        seniors: t('Personnes âgées', 'Older people', 'كبار السن'),
        other: t('Autre sujet', 'Another topic', 'موضوع آخر'),
      }),
      title: t('De quoi voulez-vous parler ?', 'What would you like to talk about?', 'عن ماذا تريد أن تتحدث؟'),
    },
    preferredDate: { ...date, title: t('Quel jour vous arrangerait ?', 'Which day would suit you?', 'أي يوم يناسبك؟') },
    preferredTime: {
      ...choice({
        morning: t('Le matin', 'In the morning', 'في الصباح'),
        afternoon: t('L’après-midi', 'In the afternoon', 'بعد الظهر'),
      }),
      title: t('Plutôt le matin ou l’après-midi ?', 'Morning or afternoon?', 'صباحا أم بعد الظهر؟'),
    },
    needsInterpreter: {
      ...yesNo,
      title: t('Souhaitez-vous un interprète ?', 'Would you like an interpreter?', 'هل ترغب في مترجم؟'),
    },
    details: {
      schema: { type: 'string', maxLength: 1000 },
      widget: 'longText',
      required: false,
      title: t('Quelques mots sur votre demande (facultatif)', 'A few words about your request (optional)', 'بضع كلمات عن طلبك (اختياري)'),
    },
  },
);

export interface DemoEServiceOwners {
  townHall: { id: string; cityId: string; districtId: string; clerkId: string; clerkName: string };
  city: { id: string; cityId: string; clerkId: string; clerkName: string };
}

/** Creates and publishes the demo forms (version 1 of each). */
export async function seedDemoEServices(db: PrismaClient, owners: DemoEServiceOwners, now = new Date()): Promise<void> {
  const forms: { owner: 'townHall' | 'city'; slug: string; schema: Record<string, unknown> }[] = [
    { owner: 'townHall', slug: 'acte-etat-civil', schema: civilStatusCertificate },
    { owner: 'city', slug: 'probleme-voie-publique', schema: roadProblem },
    { owner: 'townHall', slug: 'encombrants', schema: bulkyWaste },
    { owner: 'city', slug: 'listes-electorales', schema: electoralRollCheck },
    { owner: 'townHall', slug: 'rendez-vous-conseiller', schema: adviserAppointment },
  ];
  for (const [index, { owner, slug, schema }] of forms.entries()) {
    const organisation = owners[owner];
    // A second apart, so the TV lists them in this order.
    const at = new Date(now.getTime() - (forms.length - index) * 1000);
    const form = await db.eServiceForm.create({
      data: {
        organisationId: organisation.id,
        cityId: organisation.cityId,
        districtId: owner === 'townHall' ? owners.townHall.districtId : null,
        slug,
        receiptPrefix: owner === 'townHall' ? 'M13' : 'MRS',
        createdAt: at,
        updatedAt: at,
      },
    });
    const version = await db.eServiceFormVersion.create({
      data: {
        formId: form.id,
        number: 1,
        status: 'PUBLISHED',
        schema: schema as Prisma.InputJsonValue,
        createdById: organisation.clerkId,
        createdAt: at,
        updatedAt: at,
        publishedAt: at,
        publishedById: organisation.clerkId,
        publishedBy: organisation.clerkName,
      },
    });
    await db.eServiceForm.update({ where: { id: form.id }, data: { publishedVersionId: version.id } });
  }
}
