import { createHash } from 'node:crypto';
import type { Language } from '@consulta/shared';
import { escapeHtml } from '../../common/http/escape-html.js';
import { EMBED_WORDS } from './embed-words.js';

const h = escapeHtml;

/** The embed's one stylesheet, allowed by its hash (the page runs no script at all). */
const STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:"Source Sans Pro","Helvetica Neue",Arial,sans-serif;font-size:16px;line-height:1.5;color:#1b1b1b;background:#fff}
main{padding:16px;max-width:40rem}
.agency{margin:0;color:#565c65;font-size:14px}
h1{font-size:22px;line-height:1.25;margin:4px 0 8px}
h2{font-size:17px;margin:16px 0 8px}
p{margin:0 0 8px}
.meta{color:#565c65;font-size:14px}
ol{margin:0 0 12px;padding-left:24px}
li{margin:0 0 6px}
a{color:#005ea2}
a:focus{outline:3px solid #2491ff;outline-offset:2px}
.count{color:#565c65;font-size:14px;white-space:nowrap}
.take-part{display:inline-block;margin-top:4px;padding:10px 16px;background:#005ea2;color:#fff;border-radius:4px;font-weight:700;text-decoration:none}
.take-part:hover{background:#1a4480}
.new-tab{font-weight:400;font-size:14px}
`;
export const EMBED_STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

export interface EmbedIdea {
  title: string;
  url: string;
  upvotes: number;
  score: number;
}

export interface EmbedCampaign {
  title: string;
  summary: string;
  agency: string;
  url: string;
  open: boolean;
  supportOnly: boolean;
  ideaCount: number;
  participantCount: number;
  ideas: EmbedIdea[];
}

/** A compact page of a consultation for other sites to frame: its question, its top ideas, a way in. */
export function embedPage(campaign: EmbedCampaign, language: Language): string {
  const w = EMBED_WORDS[language];
  const count = (idea: EmbedIdea) => (campaign.supportOnly ? w.supports(idea.upvotes) : w.score(idea.score));
  const ideas = campaign.ideas.length
    ? `<ol aria-label="${h(w.topLabel)}">${campaign.ideas
        .map(
          (idea) =>
            `<li><a href="${h(idea.url)}" target="_blank" rel="noopener">${h(idea.title)}</a> <span class="count">${h(count(idea))}</span></li>`,
        )
        .join('')}</ol>`
    : `<p>${h(w.none)}</p>`;
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${h(campaign.title)} | Consulta</title>
<link rel="canonical" href="${h(campaign.url)}">
<style>${STYLE}</style>
</head>
<body>
<main>
<p class="agency">${h(w.by)} ${h(campaign.agency)}</p>
<h1>${h(campaign.title)}</h1>
<p>${h(campaign.summary)}</p>
<p class="meta">${h(campaign.open ? w.open : w.closed)} · ${h(w.ideas(campaign.ideaCount))} · ${h(w.people(campaign.participantCount))}</p>
<h2>${h(campaign.supportOnly ? w.top : w.topByScore)}</h2>
${ideas}
<p><a class="take-part" href="${h(campaign.url)}" target="_blank" rel="noopener">${h(campaign.open ? w.takePart : w.seeResults)} <span class="new-tab">${h(w.newTab)}</span></a></p>
</main>
</body>
</html>
`;
}
