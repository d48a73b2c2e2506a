import type { Language } from '@consulta/shared';
import Handlebars from 'handlebars';
import { escapeHtml } from '../../common/http/escape-html.js';
import { MESSAGES, SETTINGS_LINKS, type MailKind } from './mail-messages.js';

/**
 * The one layout of every message, in Handlebars (values escaped): an accessible HTML part (the reader's
 * `lang`, a real heading, a link that reads on its own, no images) and the same words as plain text.
 */
const HTML = Handlebars.compile(`<!doctype html>
<html lang="{{lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{subject}}</title>
</head>
<body style="margin:0;padding:24px;background:#f0f0f0;font-family:Arial,Helvetica,sans-serif;color:#1b1b1b;font-size:16px;line-height:1.5">
<div role="article" aria-roledescription="email" aria-label="{{subject}}" lang="{{lang}}" style="max-width:600px;margin:0 auto;background:#ffffff;padding:24px">
<p style="margin:0 0 16px;font-weight:bold;color:#1a4480">Consulta</p>
<h1 style="font-size:24px;line-height:1.3;margin:0 0 16px">{{heading}}</h1>
{{#each paragraphs}}<p style="margin:0 0 16px">{{this}}</p>
{{/each}}
{{#if items.length}}<ul style="margin:0 0 16px;padding-left:24px">
{{#each items}}<li style="margin:0 0 8px">{{this}}</li>
{{/each}}</ul>
{{/if}}
{{#if url}}<p style="margin:24px 0"><a href="{{url}}" style="display:inline-block;background:#005ea2;color:#ffffff;padding:12px 20px;text-decoration:none;border-radius:4px;font-weight:bold">{{action}}</a></p>
<p style="margin:0 0 16px;font-size:14px">{{linkHint}}<br><a href="{{url}}" style="color:#005ea2;word-break:break-all">{{url}}</a></p>
{{/if}}
<hr style="border:0;border-top:1px solid #dfe1e2;margin:24px 0">
<p style="margin:0;font-size:14px;color:#454545">{{footer}}</p>
{{#if settingsUrl}}<p style="margin:8px 0 0;font-size:14px"><a href="{{settingsUrl}}" style="color:#005ea2">{{settingsLabel}}</a> · <a href="{{unsubscribeUrl}}" style="color:#005ea2">{{unsubscribeLabel}}</a></p>
{{/if}}
</div>
</body>
</html>
`);

const TEXT = Handlebars.compile(
  `{{heading}}

{{#each paragraphs}}{{this}}

{{/each}}{{#each items}}- {{this}}
{{/each}}{{#if items.length}}
{{/if}}{{#if url}}{{action}}: {{url}}

{{/if}}--
{{footer}}
{{#if settingsUrl}}{{settingsLabel}}: {{settingsUrl}}
{{unsubscribeLabel}}: {{unsubscribeUrl}}
{{/if}}`,
  { noEscape: true },
);

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const compiled = new Map<string, HandlebarsTemplateDelegate>();

/** Fills `{{name}}` values in one catalog string (escaping is the layout's job). */
function fill(template: string, values: Record<string, string>): string {
  let delegate = compiled.get(template);
  if (!delegate) {
    delegate = Handlebars.compile(template, { noEscape: true });
    compiled.set(template, delegate);
  }
  return delegate(values);
}

/** What notification mail adds: a list of sentences, and the links to the settings and to unsubscribe. */
export interface MailExtras {
  items?: string[];
  settingsUrl?: string;
  unsubscribeUrl?: string;
}

const safeUrl = (url: string | null | undefined) =>
  url === null || url === undefined ? null : new Handlebars.SafeString(escapeHtml(url));

/** The message of this kind in this language, with its values and the link it acts through. */
export function renderMail(
  kind: MailKind,
  language: Language,
  values: Record<string, string>,
  url: string | null,
  extras: MailExtras = {},
): RenderedMail {
  const text = MESSAGES[kind][language];
  const links = SETTINGS_LINKS[language];
  const model = {
    lang: language,
    subject: fill(text.subject, values),
    heading: fill(text.heading, values),
    paragraphs: text.paragraphs.map((paragraph) => fill(paragraph, values)),
    action: text.action,
    linkHint: text.linkHint,
    footer: fill(text.footer, values),
    url,
    items: extras.items ?? [],
    settingsUrl: extras.settingsUrl ?? null,
    unsubscribeUrl: extras.unsubscribeUrl ?? null,
    settingsLabel: links.settings,
    unsubscribeLabel: links.unsubscribe,
  };
  // Handlebars would write the link's `=` as `&#x3D;`: valid, but not what a reader copying it expects.
  const html = HTML({
    ...model,
    url: safeUrl(url),
    settingsUrl: safeUrl(extras.settingsUrl),
    unsubscribeUrl: safeUrl(extras.unsubscribeUrl),
  });
  return { subject: model.subject, html, text: TEXT(model) };
}
