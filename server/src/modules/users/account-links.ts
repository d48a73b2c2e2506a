import type { Executor } from '../../database/sql.js';
import type { MailKind } from '../mail/mail-messages.js';
import type { MailService } from '../mail/mail.service.js';
import { accountTokensRepository, type TokenPurpose } from './account-tokens.repository.js';
import { newLinkToken } from './link-tokens.js';
import type { UserEntity } from './user.entity.js';

/** Mails the person a single-use link (its token stored hashed), within the caller's transaction. */
export async function mailAccountLink(
  executor: Executor,
  mail: MailService,
  user: Pick<UserEntity, 'id' | 'email' | 'displayName' | 'language'>,
  link: { purpose: TokenPurpose; kind: MailKind; path: string; validHours: number },
): Promise<void> {
  const { token, hash } = newLinkToken();
  await accountTokensRepository.insert(executor, {
    userId: user.id,
    purpose: link.purpose,
    tokenHash: hash,
    email: user.email,
    validHours: link.validHours,
  });
  await mail.queue(executor, {
    to: user.email,
    kind: link.kind,
    language: user.language,
    values: { name: user.displayName },
    path: `${link.path}?token=${token}`,
  });
}
