import { createHash } from 'node:crypto';
import { Controller, Get, NotFoundException, Param, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { streamCsv } from '../../common/http/stream-csv.js';
import { OpenDataService } from './open-data.service.js';

/**
 * `GET /open-data/datapackage.json` and `GET /open-data/<table>.csv`, public, `?campaign=<slug>` narrowing
 * any of them to one consultation. Each answer carries an ETag and Last-Modified from the data's version;
 * a client that already has it gets 304. Tables are streamed (UTF-8, header row, cells neutralised).
 */
@Controller('open-data')
export class OpenDataController {
  constructor(private readonly openData: OpenDataService) {}

  /** 304 when the client has this version; else the validators to send. */
  private async fresh(
    request: FastifyRequest,
    reply: FastifyReply,
    what: string,
  ): Promise<{ etag: string; modified: string } | null> {
    const version = await this.openData.version();
    const etag = `"${createHash('sha256').update(`${what}\n${version.tag}`).digest('base64url').slice(0, 32)}"`;
    const modified = new Date(Math.floor(version.modified.getTime() / 1000) * 1000).toUTCString();
    const match = request.headers['if-none-match'];
    const since = request.headers['if-modified-since'];
    const unchanged = match
      ? match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
      : since !== undefined && Date.parse(since) >= Date.parse(modified);
    if (!unchanged) return { etag, modified };
    await reply.code(304).header('etag', etag).header('last-modified', modified).send();
    return null;
  }

  private async campaign(slug: string | undefined): Promise<string | null> {
    const id = await this.openData.campaignId(slug);
    if (id === undefined) throw new NotFoundException('No public consultation has this slug.');
    return id;
  }

  @Get('datapackage.json')
  async datapackage(
    @Query('campaign') slug: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.campaign(slug);
    const validators = await this.fresh(request, reply, `datapackage:${slug ?? ''}`);
    if (!validators) return;
    await reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('cache-control', 'public, no-cache')
      .header('access-control-allow-origin', '*')
      .header('etag', validators.etag)
      .header('last-modified', validators.modified)
      .send(JSON.stringify(this.openData.descriptor(slug), null, 2));
  }

  @Get(':file')
  async table(
    @Param('file') file: string,
    @Query('campaign') slug: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const resource = file.endsWith('.csv') ? this.openData.resource(file.slice(0, -4)) : undefined;
    if (!resource) throw new NotFoundException('No such open-data file: see /open-data/datapackage.json.');
    const campaign = await this.campaign(slug);
    const validators = await this.fresh(request, reply, `${resource.name}:${slug ?? ''}`);
    if (!validators) return;
    reply.raw.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `inline; filename="${slug ? `${slug}-` : ''}${resource.name}.csv"`,
      'cache-control': 'public, no-cache',
      'access-control-allow-origin': '*',
      'x-content-type-options': 'nosniff',
      etag: validators.etag,
      'last-modified': validators.modified,
    });
    await streamCsv(
      reply,
      resource.fields.map((field) => field.name),
      this.openData.tableRows(resource, campaign),
    );
  }
}
