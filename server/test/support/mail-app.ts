import { startTestApp, type TestApp } from './app.js';
import { startSmtpSink, type SmtpSink } from './smtp.js';

/** The mail settings of a test app that sends to `sink`, with links to http://consulta.test. */
export function mailTo(sink: SmtpSink, perSecond = 100) {
  return {
    workers: true,
    mail: { smtpUrl: sink.url, from: 'Consulta <no-reply@example.org>', publicUrl: 'http://consulta.test', perSecond },
    events: { maxAttempts: 3, retrySeconds: 1 },
  };
}

/** A test app that mails a fresh SMTP sink: `beforeAll(async () => ({ sink, t } = await startMailApp()))`. */
export async function startMailApp(perSecond = 100): Promise<{ sink: SmtpSink; t: TestApp }> {
  const sink = await startSmtpSink();
  const t = await startTestApp({ config: mailTo(sink, perSecond) });
  const close = t.close.bind(t);
  t.close = async () => {
    await close();
    await sink.stop();
  };
  return { sink, t };
}
