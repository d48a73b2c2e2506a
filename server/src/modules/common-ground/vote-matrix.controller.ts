import { createHmac } from 'node:crypto';
import { Controller, Get, Inject, NotFoundException, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { anonymousViewer } from '../../common/auth/request-viewer.js';
import { toGlobalId } from '../../common/graphql/global-id.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { openDataKeysRepository } from './open-data-keys.repository.js';
import { DatabaseService } from '../../database/database.service.js';
import { CampaignsService } from '../campaigns/campaigns.service.js';
import { LISTED_VOTES } from './common-ground.service.js';
import { rows as sqlRows } from '../../database/sql.js';
import { VOTE_MATRIX_HEADER } from './vote-matrix.js';

const BATCH = 10_000;
const KEY_NAME = 'vote-matrix-pseudonyms';

/**
 * `GET /open-data/campaigns/<slug>/vote-matrix.csv`, where the deployment publishes it
 * (OPEN_DATA_VOTE_MATRIX=true): every vote on a public UP_DOWN campaign's listed ideas as
 * `idea_id,voter,value`, so anyone can recompute common ground (`npm run common-ground -- --from FILE`).
 * Voters are pseudonyms made with a keyed hash of the campaign and the person (the key is random, kept in the
 * database): the same person has another pseudonym in every campaign, and nobody without the key can link a
 * pseudonym to a person or to another campaign. Streamed in keyset batches, never built in memory.
 */
@Controller('open-data/campaigns')
export class VoteMatrixController {
  private key: Promise<Buffer> | undefined;

  constructor(
    private readonly database: DatabaseService,
    private readonly campaigns: CampaignsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private secret(): Promise<Buffer> {
    this.key ??= openDataKeysRepository.secret(this.database.dataSource, KEY_NAME);
    return this.key;
  }

  @Get(':slug/vote-matrix.csv')
  async voteMatrix(@Param('slug') slug: string, @Res() reply: FastifyReply): Promise<void> {
    if (!this.config.openDataVoteMatrix) throw new NotFoundException();
    // Public data only: a campaign anyone may see (no drafts).
    const campaign = await this.campaigns.findVisible(anonymousViewer(), { slug });
    if (!campaign || campaign.votingMode !== 'UP_DOWN') throw new NotFoundException();
    const secret = await this.secret();
    const pseudonym = (userId: string) =>
      createHmac('sha256', secret).update(`${campaign.id}:${userId}`).digest('base64url').slice(0, 22);
    reply.raw.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${campaign.slug}-vote-matrix.csv"`,
      'cache-control': 'no-cache',
    });
    reply.raw.write(`${VOTE_MATRIX_HEADER}\n`);
    let after: [string, string] = ['00000000-0000-0000-0000-000000000000', '00000000-0000-0000-0000-000000000000'];
    for (;;) {
      const rows = await sqlRows<{ idea_id: string; user_id: string; value: number }>(
        this.database.dataSource,
        `SELECT v.idea_id, v.user_id, v.value ${LISTED_VOTES}
            AND (v.user_id, v.idea_id) > ($2::uuid, $3::uuid)
          ORDER BY v.user_id, v.idea_id LIMIT $4`,
        [campaign.id, after[0], after[1], BATCH],
      );
      if (rows.length === 0) break;
      const text = rows.map((r) => `${toGlobalId('Idea', r.idea_id)},${pseudonym(r.user_id)},${r.value}`).join('\n');
      if (!reply.raw.write(`${text}\n`)) await new Promise((resolve) => reply.raw.once('drain', resolve));
      const last = rows[rows.length - 1]!;
      after = [last.user_id, last.idea_id];
      if (rows.length < BATCH) break;
    }
    reply.raw.end();
  }
}
