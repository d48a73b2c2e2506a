import { BadRequestException, Body, Controller, HttpCode, Inject, NotFoundException, Post } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { Clock } from './clock.js';

/**
 * `POST /test/clock` with `{ "advanceHours": n }` moves the server's clock forward; 404 unless the process
 * was started with TEST_CLOCK=true (which the start banner warns about).
 */
@Controller('test/clock')
export class TestClockController {
  constructor(
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @HttpCode(200)
  advance(@Body() body: { advanceHours?: unknown } | undefined): { now: string } {
    if (!this.config.testClock) throw new NotFoundException();
    const hours = body?.advanceHours;
    if (typeof hours !== 'number' || !Number.isFinite(hours) || hours < 0 || hours > 24 * 3650) {
      throw new BadRequestException('advanceHours must be a number of hours, 0 or more.');
    }
    return { now: this.clock.advance(hours * 3_600_000).toISOString() };
  }
}
