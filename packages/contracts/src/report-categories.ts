// The fault-report category tree and places as plain data, without schemas: the TV bundle imports this file alone.

type Label = { fr: string; en: string; ar: string };

export const reportCategoryCodes = [
  'PLUMBING',
  'HEATING',
  'ELECTRICITY',
  'LIFT',
  'DOORS_AND_LOCKS',
  'COMMON_AREAS',
  'CLEANLINESS',
  'PESTS',
  'NOISE',
  'OTHER',
] as const;
export type ReportCategory = (typeof reportCategoryCodes)[number];

export interface ReportTemplate {
  code: string;
  label: Label;
}

export interface ReportCategoryDefinition {
  code: ReportCategory;
  label: Label;
  /** A short glyph the TV draws on the category's tile. */
  icon: string;
  /** Days the landlord commits to resolve a report of this category; sets its due date. */
  serviceLevelDays: number;
  /** Where it usually is: the TV offers this place first. */
  usualLocation: 'HOME' | 'COMMON_AREA';
  /** Descriptions a tenant picks with the remote before typing anything. */
  templates: ReportTemplate[];
}

/**
 * The category tree, as data: the API derives due dates from it, the TV and the console draw it. Kept here rather than
 * in the database until a landlord needs its own.
 */
export const REPORT_CATEGORIES: ReportCategoryDefinition[] = [
  {
    code: 'PLUMBING',
    label: { fr: 'Plomberie', en: 'Plumbing', ar: 'السباكة' },
    icon: '≈',
    serviceLevelDays: 3,
    usualLocation: 'HOME',
    templates: [
      { code: 'leak_under_sink', label: { fr: 'Fuite sous l’évier', en: 'Leak under the sink', ar: 'تسرب تحت المغسلة' } },
      { code: 'blocked_drain', label: { fr: 'Évacuation bouchée', en: 'Blocked drain', ar: 'انسداد المصرف' } },
      { code: 'toilet_running', label: { fr: 'Chasse d’eau qui coule', en: 'Toilet keeps running', ar: 'تسرب في السيفون' } },
      { code: 'no_hot_water', label: { fr: 'Pas d’eau chaude', en: 'No hot water', ar: 'لا يوجد ماء ساخن' } },
      { code: 'water_damage', label: { fr: 'Dégât des eaux', en: 'Water damage', ar: 'أضرار المياه' } },
    ],
  },
  {
    code: 'HEATING',
    label: { fr: 'Chauffage', en: 'Heating', ar: 'التدفئة' },
    icon: '♨',
    serviceLevelDays: 2,
    usualLocation: 'HOME',
    templates: [
      { code: 'no_heating', label: { fr: 'Plus de chauffage', en: 'No heating', ar: 'لا توجد تدفئة' } },
      { code: 'radiator_cold', label: { fr: 'Un radiateur reste froid', en: 'One radiator stays cold', ar: 'مدفأة باردة' } },
      { code: 'radiator_leak', label: { fr: 'Radiateur qui fuit', en: 'Leaking radiator', ar: 'مدفأة تسرب' } },
    ],
  },
  {
    code: 'ELECTRICITY',
    label: { fr: 'Électricité', en: 'Electricity', ar: 'الكهرباء' },
    icon: '⚡',
    serviceLevelDays: 3,
    usualLocation: 'HOME',
    templates: [
      { code: 'socket_broken', label: { fr: 'Prise cassée', en: 'Broken socket', ar: 'مقبس مكسور' } },
      { code: 'breaker_trips', label: { fr: 'Le disjoncteur saute', en: 'The breaker keeps tripping', ar: 'القاطع ينقطع' } },
      { code: 'light_out', label: { fr: 'Éclairage en panne', en: 'Light out', ar: 'إنارة معطلة' } },
    ],
  },
  {
    code: 'LIFT',
    label: { fr: 'Ascenseur', en: 'Lift', ar: 'المصعد' },
    icon: '⇅',
    serviceLevelDays: 1,
    usualLocation: 'COMMON_AREA',
    templates: [
      { code: 'lift_down', label: { fr: 'Ascenseur en panne', en: 'Lift out of order', ar: 'المصعد معطل' } },
      { code: 'lift_door', label: { fr: 'La porte ferme mal', en: 'The door does not close', ar: 'الباب لا يغلق' } },
      { code: 'lift_stuck', label: { fr: 'Ascenseur bloqué entre deux étages', en: 'Lift stuck between floors', ar: 'المصعد عالق' } },
    ],
  },
  {
    code: 'DOORS_AND_LOCKS',
    label: { fr: 'Portes et serrures', en: 'Doors and locks', ar: 'الأبواب والأقفال' },
    icon: '⌂',
    serviceLevelDays: 3,
    usualLocation: 'HOME',
    templates: [
      { code: 'lock_broken', label: { fr: 'Serrure cassée', en: 'Broken lock', ar: 'قفل مكسور' } },
      { code: 'entry_door', label: { fr: 'Porte d’entrée de l’immeuble', en: 'Building entrance door', ar: 'باب مدخل العمارة' } },
      { code: 'intercom', label: { fr: 'Interphone en panne', en: 'Intercom out of order', ar: 'الاتصال الداخلي معطل' } },
    ],
  },
  {
    code: 'COMMON_AREAS',
    label: { fr: 'Parties communes', en: 'Common areas', ar: 'الأجزاء المشتركة' },
    icon: '▦',
    serviceLevelDays: 5,
    usualLocation: 'COMMON_AREA',
    templates: [
      { code: 'stair_light', label: { fr: 'Lumière de l’escalier en panne', en: 'Stairway light out', ar: 'إنارة الدرج معطلة' } },
      { code: 'letterbox', label: { fr: 'Boîte aux lettres abîmée', en: 'Damaged letterbox', ar: 'صندوق بريد تالف' } },
      { code: 'graffiti', label: { fr: 'Tags ou dégradations', en: 'Graffiti or vandalism', ar: 'كتابات أو تخريب' } },
    ],
  },
  {
    code: 'CLEANLINESS',
    label: { fr: 'Propreté', en: 'Cleanliness', ar: 'النظافة' },
    icon: '✧',
    serviceLevelDays: 2,
    usualLocation: 'COMMON_AREA',
    templates: [
      { code: 'bins_full', label: { fr: 'Local poubelles plein', en: 'Bin room full', ar: 'غرفة القمامة ممتلئة' } },
      { code: 'dirty_stairs', label: { fr: 'Escalier sale', en: 'Dirty staircase', ar: 'درج متسخ' } },
      { code: 'bulky_waste', label: { fr: 'Encombrants abandonnés', en: 'Dumped bulky waste', ar: 'نفايات كبيرة متروكة' } },
    ],
  },
  {
    code: 'PESTS',
    label: { fr: 'Nuisibles', en: 'Pests', ar: 'الحشرات والقوارض' },
    icon: '✱',
    serviceLevelDays: 7,
    usualLocation: 'HOME',
    templates: [
      { code: 'cockroaches', label: { fr: 'Cafards', en: 'Cockroaches', ar: 'صراصير' } },
      { code: 'rodents', label: { fr: 'Rats ou souris', en: 'Rats or mice', ar: 'فئران' } },
      { code: 'bedbugs', label: { fr: 'Punaises de lit', en: 'Bedbugs', ar: 'بق الفراش' } },
    ],
  },
  {
    code: 'NOISE',
    label: { fr: 'Bruit et nuisances', en: 'Noise and nuisance', ar: 'الضجيج والإزعاج' },
    icon: '♪',
    serviceLevelDays: 10,
    usualLocation: 'COMMON_AREA',
    templates: [
      { code: 'night_noise', label: { fr: 'Bruit la nuit', en: 'Noise at night', ar: 'ضجيج في الليل' } },
      { code: 'loitering', label: { fr: 'Rassemblements dans le hall', en: 'Groups gathering in the hall', ar: 'تجمعات في المدخل' } },
      { code: 'smell', label: { fr: 'Mauvaises odeurs', en: 'Bad smells', ar: 'روائح كريهة' } },
    ],
  },
  {
    code: 'OTHER',
    label: { fr: 'Autre', en: 'Other', ar: 'أخرى' },
    icon: '?',
    serviceLevelDays: 10,
    usualLocation: 'HOME',
    templates: [{ code: 'other', label: { fr: 'Autre problème', en: 'Another problem', ar: 'مشكلة أخرى' } }],
  },
];

export function reportCategory(code: ReportCategory): ReportCategoryDefinition {
  for (let i = 0; i < REPORT_CATEGORIES.length; i += 1) if (REPORT_CATEGORIES[i]!.code === code) return REPORT_CATEGORIES[i]!;
  throw new Error('unknown report category ' + code);
}

/** Rooms of a home, and common areas of a building: the "spot" of a report. */
export const homeSpots = ['KITCHEN', 'BATHROOM', 'TOILET', 'LIVING_ROOM', 'BEDROOM', 'HALLWAY', 'BALCONY', 'WHOLE_HOME'] as const;
export const commonAreaSpots = ['ENTRANCE_HALL', 'STAIRCASE', 'LIFT', 'LANDING', 'CELLAR', 'CAR_PARK', 'BIN_ROOM', 'OUTSIDE'] as const;
export type ReportSpot = (typeof homeSpots)[number] | (typeof commonAreaSpots)[number];
