import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NotificationsService } from '@anyam/server/notifications';
import { NOTIFICATION_LINES } from './learning.mail';

export interface Publishable {
  publish(): Promise<void>;
}

export const WAITLIST_PROMOTED = 'learning.waitlist_promoted';
export const CERTIFICATE_ISSUED = 'learning.certificate_issued';

/**
 * In-app notifications for learning events, written inside the caller's transaction through the
 * notifications lib; `publish()` (the live `notificationAdded`) after commit.
 */
@Injectable()
export class LearningNotifier implements OnModuleInit {
  constructor(private readonly notifications: NotificationsService) {}

  onModuleInit(): void {
    for (const kind of [WAITLIST_PROMOTED, CERTIFICATE_ISSUED]) {
      this.notifications.registerKind(kind, { line: (data, locale) => NOTIFICATION_LINES[kind][locale](data) });
    }
  }

  /** "A seat in <cohort> is yours" for each promoted member. */
  async waitlistPromoted(tx: EntityManager, promotions: { memberId: string; cohortId: string; moduleId: string }[]): Promise<Publishable> {
    if (!promotions.length) return { publish: async () => undefined };
    const rows: { cohort_id: string; cohort_name: string; starts_on: string; title: string; slug: string }[] = await tx.query(
      `SELECT c.id AS cohort_id, c.name AS cohort_name, c.starts_on::text AS starts_on, m.title, m.slug
         FROM learning_cohorts c JOIN learning_modules m ON m.id = c.module_id WHERE c.id = ANY($1::uuid[])`,
      [[...new Set(promotions.map((p) => p.cohortId))]],
    );
    return this.notifications.notify(
      tx,
      promotions.map((p) => {
        const c = rows.find((r) => r.cohort_id === p.cohortId)!;
        return {
          memberId: p.memberId,
          kind: WAITLIST_PROMOTED,
          data: { moduleTitle: c.title, cohortName: c.cohort_name, startsOn: c.starts_on },
          url: `/learn/modules/${c.slug}`,
        };
      }),
    );
  }

  /** "You completed <module>: your certificate is ready." Once per certificate. */
  async certificateIssued(tx: EntityManager, issued: { memberId: string; moduleId: string; code: string }[]): Promise<Publishable> {
    if (!issued.length) return { publish: async () => undefined };
    const rows: { id: string; title: string; hub_name: string }[] = await tx.query(
      `SELECT m.id, m.title, h.name AS hub_name FROM learning_modules m JOIN hubs h ON h.id = m.hub_id WHERE m.id = ANY($1::uuid[])`,
      [[...new Set(issued.map((i) => i.moduleId))]],
    );
    return this.notifications.notify(
      tx,
      issued.map((i) => {
        const m = rows.find((r) => r.id === i.moduleId)!;
        return {
          memberId: i.memberId,
          kind: CERTIFICATE_ISSUED,
          data: { moduleTitle: m.title, hubName: m.hub_name, code: i.code },
          url: `/learn/certificates/${i.code}`,
          dedupeKey: `learning.certificate:${i.code}`,
        };
      }),
    );
  }
}
