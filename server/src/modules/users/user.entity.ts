import type { Language, Role } from '@consulta/shared';

/** A person's account: a `users` row as mapped once, by userFromRow (users.repository.ts). */
export class UserEntity {
  id: string;
  email: string;
  passwordHash: string;
  displayName: string;
  role: Role;
  emailVerified: boolean;
  /** The language of the person's mail and notifications. */
  language: Language;
  suspendedUntil: Date | null;
  suspensionReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}
