import { EmailFrequency, type NotificationKind } from '@consulta/shared';
import { Injectable } from '@nestjs/common';
import { requirePerson } from '../../common/auth/policies.js';
import type { RequestViewer } from '../../common/auth/request-viewer.js';
import { BadInputError } from '../../common/errors/domain-error.js';
import { fieldMessage } from '../../common/errors/field-message.js';
import type { ConnectionShape } from '../../common/graphql/connection.js';
import { listByTime } from '../../common/graphql/time-listing.js';
import { DatabaseService } from '../../database/database.service.js';
import {
  NOTIFICATIONS_LISTING,
  notificationsRepository,
  type DescribedNotification,
} from './notifications.repository.js';

export interface Preferences {
  emailFrequency: EmailFrequency;
  mutedKinds: NotificationKind[];
}

const DEFAULTS: Preferences = { emailFrequency: EmailFrequency.IMMEDIATELY, mutedKinds: [] };

/** A person's own notifications and how they want to be told: each person sees and changes only theirs. */
@Injectable()
export class NotificationsService {
  constructor(private readonly database: DatabaseService) {}

  async preferences(userId: string): Promise<Preferences> {
    const row = await notificationsRepository.preferences(this.database.dataSource, userId);
    return row ? { emailFrequency: row.email_frequency, mutedKinds: row.muted_kinds } : DEFAULTS;
  }

  /** Newest first; muted kinds are not shown. */
  async list(
    viewer: RequestViewer,
    page: { first?: number | null; after?: string | null; unreadOnly?: boolean | null },
  ): Promise<ConnectionShape<DescribedNotification>> {
    const person = requirePerson(viewer);
    const { mutedKinds } = await this.preferences(person.userId);
    return listByTime<DescribedNotification>(
      this.database.dataSource,
      {
        order: 'notifications',
        ...NOTIFICATIONS_LISTING,
        where: 'n.user_id = $1 AND NOT (n.kind = ANY ($2::text[])) AND (NOT $3::boolean OR n.read_at IS NULL)',
        params: [person.userId, mutedKinds, page.unreadOnly ?? false],
        direction: 'DESC',
      },
      page,
    );
  }

  async unreadCount(viewer: RequestViewer): Promise<number> {
    const person = requirePerson(viewer);
    const { mutedKinds } = await this.preferences(person.userId);
    return notificationsRepository.unreadCount(this.database.dataSource, person.userId, mutedKinds);
  }

  /** One of the viewer's own notifications, or null (someone else's is null too). */
  async findOwn(viewer: RequestViewer, id: string): Promise<DescribedNotification | null> {
    if (!viewer.userId) return null;
    const row = await notificationsRepository.findDescribed(this.database.dataSource, id);
    return row && row.user_id === viewer.userId ? row : null;
  }

  /** `ids` null: all of the viewer's. Others' ids change nothing and are not told apart from read ones. */
  markRead(viewer: RequestViewer, ids: string[] | null): Promise<number> {
    const person = requirePerson(viewer);
    return notificationsRepository.markRead(this.database.dataSource, person.userId, ids);
  }

  async updatePreferences(
    viewer: RequestViewer,
    input: { emailFrequency?: EmailFrequency | null; mutedKinds?: NotificationKind[] | null },
  ): Promise<Preferences> {
    const person = requirePerson(viewer);
    const row = await this.database.transaction((manager) =>
      notificationsRepository.savePreferences(manager, person.userId, {
        emailFrequency: input.emailFrequency ?? null,
        mutedKinds: input.mutedKinds ? [...new Set(input.mutedKinds)] : null,
      }),
    );
    return { emailFrequency: row.email_frequency, mutedKinds: row.muted_kinds };
  }

  /** Stops all email to the person whose links carry this token; needs no session. */
  async unsubscribe(token: string): Promise<boolean> {
    const key = /^[0-9a-f]{64}$/.test(token) ? token : null;
    const row =
      key && (await this.database.transaction((manager) => notificationsRepository.unsubscribe(manager, key)));
    if (!row) throw new BadInputError({ token: fieldMessage('linkInvalid') });
    return true;
  }
}
