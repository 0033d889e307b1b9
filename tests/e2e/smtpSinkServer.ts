// The e2e mail server: a real SMTP server on loopback (tests/support/smtpSink.ts) that the app server
// sends to, with a small HTTP side for the tests to read what arrived.
import http from 'node:http';
import { plainText, startSmtpSink } from '../support/smtpSink';

const smtpPort = Number(process.env.SMTP_SINK_PORT ?? 8184);
const httpPort = Number(process.env.SMTP_SINK_HTTP_PORT ?? 8185);
const sink = await startSmtpSink(smtpPort);
http
  .createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/mails') res.end(JSON.stringify(sink.received.map((m) => ({ to: m.to, subject: m.subject, text: plainText(m.raw) }))));
    else res.end('{"ok":true}');
  })
  .listen(httpPort, '127.0.0.1');
