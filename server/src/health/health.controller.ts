import { Controller, Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DatabaseService } from '../database/database.service.js';
import { outboxRepository, type EventBacklog } from '../events/outbox.repository.js';

@Controller('health')
export class HealthController {
  constructor(private readonly database: DatabaseService) {}

  /**
   * 200 when the database answers, 503 when it does not; the process keeps running either way. Also the
   * domain events' backlog (waiting to be relayed or delivered), parked deliveries and the oldest wait.
   */
  @Get()
  async check(@Res({ passthrough: true }) reply: FastifyReply) {
    const databaseUp = await this.database.isHealthy();
    let events: EventBacklog | null = null;
    // The queue's backlog only while the database answers (it is read there).
    if (databaseUp) events = await outboxRepository.backlog(this.database.dataSource).catch(() => null);
    reply.code(databaseUp ? 200 : 503).header('cache-control', 'no-store');
    const status = { status: databaseUp ? 'ok' : 'unavailable', database: databaseUp ? 'up' : 'down' };
    return events ? { ...status, events } : status;
  }
}
