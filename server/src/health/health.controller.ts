import { Controller, Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DatabaseService } from '../database/database.service.js';

@Controller('health')
export class HealthController {
  constructor(private readonly database: DatabaseService) {}

  /** 200 when the database answers, 503 when it does not; the process keeps running either way. */
  @Get()
  async check(@Res({ passthrough: true }) reply: FastifyReply) {
    const databaseUp = await this.database.isHealthy();
    reply.code(databaseUp ? 200 : 503).header('cache-control', 'no-store');
    return { status: databaseUp ? 'ok' : 'unavailable', database: databaseUp ? 'up' : 'down' };
  }
}
