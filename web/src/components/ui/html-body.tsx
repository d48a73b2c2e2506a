/** Markdown the server rendered and sanitized (no scripts, no event handlers, safe links only). */
export function HtmlBody({ html, className = '' }: { html: string; className?: string }) {
  return <div className={`usa-prose ${className}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
