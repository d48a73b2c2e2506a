import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import ExcelJS from 'exceljs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError, NotFoundError } from '../../common/errors/domain-error.js';
import { neutralise, type Cell } from '@consulta/shared';
import { streamCsv } from '../../common/http/stream-csv.js';
import type { CampaignEntity } from '../campaigns/campaign.entity.js';
import { SessionsService } from '../auth/sessions.service.js';
import { ApiTokensService } from '../developers/api-tokens.service.js';
import { viewerResolver } from '../auth/viewer-resolution.js';
import { EXPORT_HEADERS, ExportsService, type ExportLanguage } from './exports.service.js';

const SHEET_NAMES = { en: ['Ideas', 'Answers'], es: ['Ideas', 'Respuestas'] } as const;

function languageOf(request: FastifyRequest, asked: string | undefined): ExportLanguage {
  if (asked === 'es' || asked === 'en') return asked;
  return /^es\b/i.test(request.headers['accept-language'] ?? '') ? 'es' : 'en';
}

const xlsxCell = (value: Cell) => (typeof value === 'string' ? neutralise(value) : value);

/**
 * The agency's downloads of a campaign, for its members and site admins (session cookie or bearer token):
 * `ideas.xlsx` (sheets Ideas and Answers), `ideas.csv` and `answers.csv`. 404 when the campaign cannot be
 * seen, 403 for anyone else. Streamed from keyset pages; text cells neutralised against formula injection.
 */
@Controller('exports/campaigns')
export class ExportsController {
  private readonly viewerOf;

  constructor(
    private readonly exports: ExportsService,
    sessions: SessionsService,
    apiTokens: ApiTokensService,
  ) {
    this.viewerOf = viewerResolver(sessions, apiTokens);
  }

  /** The campaign, or the refusal sent as a short plain-text answer (null). */
  private async campaign(request: FastifyRequest, reply: FastifyReply, ref: string): Promise<CampaignEntity | null> {
    try {
      return await this.exports.campaignFor(await this.viewerOf(request, true), ref);
    } catch (error) {
      const status = error instanceof NotFoundError ? 404 : error instanceof ForbiddenError ? 403 : null;
      if (status === null) throw error;
      await reply
        .code(status)
        .header('content-type', 'text/plain; charset=utf-8')
        .send(`${(error as Error).message}\n`);
      return null;
    }
  }

  private start(reply: FastifyReply, type: string, filename: string): void {
    reply.raw.writeHead(200, {
      'content-type': type,
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    });
  }

  private async csv(reply: FastifyReply, header: readonly string[], rows: AsyncGenerator<Cell[]>, name: string) {
    this.start(reply, 'text/csv; charset=utf-8', name);
    // A byte-order mark, so spreadsheet programs read the file as UTF-8.
    await streamCsv(reply, header, rows, '\uFEFF');
  }

  @Get(':ref/ideas.csv')
  ideasCsv(
    @Param('ref') ref: string,
    @Query('lang') lang: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.table('ideas', { ref, lang, request, reply });
  }

  @Get(':ref/answers.csv')
  answersCsv(
    @Param('ref') ref: string,
    @Query('lang') lang: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.table('answers', { ref, lang, request, reply });
  }

  /** One table of the export as CSV. */
  private async table(
    table: 'ideas' | 'answers',
    { ref, lang, request, reply }: { ref: string; lang?: string; request: FastifyRequest; reply: FastifyReply },
  ): Promise<void> {
    const campaign = await this.campaign(request, reply, ref);
    if (!campaign) return;
    const headers = EXPORT_HEADERS[table][languageOf(request, lang)];
    const rows = table === 'ideas' ? this.exports.ideaRows(campaign) : this.exports.answerRows(campaign);
    await this.csv(reply, headers, rows, `${campaign.slug}-${table}.csv`);
  }

  @Get(':ref/ideas.xlsx')
  async ideasXlsx(
    @Param('ref') ref: string,
    @Query('lang') lang: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const campaign = await this.campaign(request, reply, ref);
    if (!campaign) return;
    const language = languageOf(request, lang);
    this.start(
      reply,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      `${campaign.slug}-ideas.xlsx`,
    );
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: reply.raw, useStyles: true });
    workbook.creator = 'Consulta';
    const sheets: Array<[string, readonly string[], AsyncGenerator<Cell[]>]> = [
      [SHEET_NAMES[language][0], EXPORT_HEADERS.ideas[language], this.exports.ideaRows(campaign)],
      [SHEET_NAMES[language][1], EXPORT_HEADERS.answers[language], this.exports.answerRows(campaign)],
    ];
    for (const [name, header, rows] of sheets) {
      const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = header.map((title) => ({ header: title, width: Math.max(12, title.length + 2) }));
      sheet.getRow(1).font = { bold: true };
      sheet.getRow(1).commit();
      for await (const row of rows) {
        const added = sheet.addRow(row.map(xlsxCell));
        added.eachCell((cell) => {
          if (cell.value instanceof Date) cell.numFmt = 'yyyy-mm-dd hh:mm';
        });
        added.commit();
      }
      sheet.commit();
    }
    await workbook.commit();
  }
}
