import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../../database/database.service.js';
import { openDataKeysRepository } from '../common-ground/open-data-keys.repository.js';

const KEY_NAME = 'author-pseudonyms';

/**
 * 22 characters of the keyed hash in base64url, except that a leading '-' becomes '_': spreadsheets read
 * a cell starting with '-' as a formula, so the CSV downloads would have to quote it, and the same author
 * would then read differently in CSV, JSON and webhooks.
 */
export function pseudonymOf(digest: Buffer): string {
  return digest.toString('base64url').slice(0, 22).replace(/^-/, '_');
}

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
    return pseudonymOf(
      createHmac('sha256', await this.key)
        .update(userId)
        .digest(),
    );
  }
}
