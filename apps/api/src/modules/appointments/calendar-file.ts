// One appointment as an iCalendar (RFC 5545) file, made by the `ics` library.
import { createEvent } from 'ics';
import { APPOINTMENT_TIME_ZONE } from '@palier/contracts';
import { calendarDescription, type AppointmentFacts, type TenantLanguage } from './tenant-texts';

export interface CalendarAppointment extends AppointmentFacts {
  id: string;
  durationMinutes: number;
  sequence: number;
  cancelled: boolean;
}

/**
 * Times are written as UTC instants (`DTSTART:…Z`), which every calendar converts to its own zone without a VTIMEZONE
 * block; `X-WR-TIMEZONE` names the publisher's zone (Europe/Paris) for calendars that display it. The UID is stable and
 * SEQUENCE grows with each move or cancellation, so importing the file again updates the same event.
 */
export function appointmentCalendar(appointment: CalendarAppointment, language: TenantLanguage): string {
  const { error, value } = createEvent({
    uid: `${appointment.id}@palier`,
    productId: 'palier/appointments',
    method: 'PUBLISH',
    start: appointment.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: appointment.durationMinutes },
    title: appointment.subject,
    description: calendarDescription(appointment, language),
    location: `${appointment.placeName}, ${appointment.placeAddress}`,
    status: appointment.cancelled ? 'CANCELLED' : 'CONFIRMED',
    sequence: appointment.sequence,
    alarms: appointment.cancelled ? [] : [{ action: 'display', description: appointment.subject, trigger: { hours: 24, before: true } }],
  });
  if (error || !value) throw error ?? new Error('calendar file not generated');
  return value.replace('METHOD:PUBLISH\r\n', `METHOD:PUBLISH\r\nX-WR-TIMEZONE:${APPOINTMENT_TIME_ZONE}\r\n`);
}
