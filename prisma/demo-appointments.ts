// The demo's appointment services and slots: the landlord's agency, the district town hall and the city, for the
// next four weeks from the day the database is seeded.
import type { PrismaClient } from '@prisma/client';
import { randomUUID } from 'node:crypto';
import { seriesStarts } from '../apps/api/src/modules/appointments/service';
import { addDays, isoWeekday, localToday } from '../apps/api/src/modules/appointments/local-time';

export const DEMO_APPOINTMENT_SERVICES = {
  landlord: 'Rendez-vous avec votre chargé de clientèle',
  townHall: 'Dépôt de dossier de carte d’identité',
  city: 'Rendez-vous avec un conseiller municipal',
} as const;

/** The next date (from tomorrow) that falls on this ISO weekday. */
function next(weekday: number, today: string): string {
  let day = addDays(today, 1);
  while (isoWeekday(day) !== weekday) day = addDays(day, 1);
  return day;
}

export async function seedDemoAppointments(db: PrismaClient, organisations: { landlord: string; townHall: string; city: string }) {
  const today = localToday(new Date());
  const services = [
    {
      organisationId: organisations.landlord,
      subject: DEMO_APPOINTMENT_SERVICES.landlord,
      whatToBring: 'Votre dernier avis d’échéance et, si vous en avez, les courriers dont vous voulez parler.',
      place: ['Agence HMP Nord', '38 boulevard de la Fédération, 13013 Marseille'],
      weekdays: [2, 4],
      from: '09:00',
      until: '12:00',
      every: 30,
    },
    {
      organisationId: organisations.townHall,
      subject: DEMO_APPOINTMENT_SERVICES.townHall,
      whatToBring:
        'Une photo d’identité de moins de 6 mois, un justificatif de domicile, l’ancienne carte, et le numéro de pré-demande en ligne si vous l’avez.',
      place: ['Mairie des 13e et 14e arrondissements', '72 rue Paul Coxe, 13014 Marseille'],
      weekdays: [2],
      from: '09:00',
      until: '12:00',
      every: 30,
    },
    {
      organisationId: organisations.city,
      subject: DEMO_APPOINTMENT_SERVICES.city,
      whatToBring: null,
      place: ['Hôtel de Ville', 'Quai du Port, 13002 Marseille'],
      weekdays: [3],
      from: '14:00',
      until: '17:00',
      every: 60,
    },
  ];
  for (const entry of services) {
    const service = await db.appointmentService.create({
      data: { organisationId: entry.organisationId, subject: entry.subject, whatToBring: entry.whatToBring },
    });
    for (const weekday of entry.weekdays) {
      const seriesId = randomUUID();
      const starts = seriesStarts({
        serviceId: service.id,
        placeName: entry.place[0]!,
        placeAddress: entry.place[1]!,
        firstDay: next(weekday, today),
        weeks: 4,
        weekdays: [weekday],
        from: entry.from,
        until: entry.until,
        everyMinutes: entry.every,
        durationMinutes: entry.every,
        capacity: 1,
      });
      await db.appointmentSlot.createMany({
        data: starts.map((startsAt) => ({
          serviceId: service.id,
          organisationId: entry.organisationId,
          seriesId,
          placeName: entry.place[0]!,
          placeAddress: entry.place[1]!,
          startsAt,
          durationMinutes: entry.every,
          capacity: entry.organisationId === organisations.townHall ? 2 : 1,
        })),
      });
    }
  }
}
