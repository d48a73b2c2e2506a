import { Controller, HttpCode, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError } from '../../common/errors/domain-error.js';
import { NotificationsService } from './notifications.service.js';

/**
 * One-click unsubscribe (RFC 8058): mail clients POST `List-Unsubscribe=One-Click` to the List-Unsubscribe
 * address, with no session and no page. A GET of the same address is the web app's page with a button.
 */
@Controller('unsubscribe')
export class UnsubscribeController {
  constructor(private readonly notifications: NotificationsService) {}

  @Post()
  @HttpCode(200)
  async oneClick(
    @Query('token') token: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ unsubscribed: boolean }> {
    try {
      return { unsubscribed: await this.notifications.unsubscribe(String(token ?? '')) };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      reply.code(400);
      return { unsubscribed: false };
    }
  }
}
