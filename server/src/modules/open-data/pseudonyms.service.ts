import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../../database/database.service.js';
import { openDataKeysRepository } from '../common-ground/open-data-keys.repository.js';

const KEY_NAME = 'author-pseudonyms';

/**
 * The stable pseudonym of an author in everything published (downloads, webhooks): a keyed hash of the
 * person's id, the same everywhere, which nobody without the key (kept in the database) links to a person.
 */
@Injectable()
export class PseudonymsService {
  private key: Promise<Buffer> | undefined;

  constructor(private readonly database: DatabaseService) {}

  async of(userId: string | null): Promise<string | null> {
    if (!userId) return null;
    this.key ??= openDataKeysRepository.secret(this.database.dataSource, KEY_NAME);
    return createHmac('sha256', await this.key)
      .update(userId)
      .digest('base64url')
      .slice(0, 22);
  }
}
