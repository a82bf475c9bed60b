import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { FakeConnector } from '../../testkit/fakeConnector';
import { chatPerson, TeamsChat } from '../../testkit/teamsChat';
import { refusedBy, spawnEntryPoint } from '../http/entryPoint';

/**
 * A throwaway self-signed certificate for 127.0.0.1. The exporter rewrites any endpoint to https,
 * so the stand-in must speak TLS; the child trusts this certificate through NODE_EXTRA_CA_CERTS.
 */
function makeCertificate(dir: string): { cert: string; key: string } {
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1',
    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  return { cert, key };
}

/** A stand-in for Application Insights' ingestion (and live metrics) endpoint on 127.0.0.1. */
async function startIngestion(tls: { cert: string; key: string }, received: string[]): Promise<{ url: string; close(): Promise<void> }> {
  const server = https.createServer({ cert: readFileSync(tls.cert), key: readFileSync(tls.key) }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const body = req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
      // Each POST to /v2.1/track carries a JSON array of envelopes; live metrics posts go elsewhere.
      const items = req.url?.includes('/track') ? (JSON.parse(body) as unknown[]) : [];
      received.push(...items.map((item) => JSON.stringify(item)));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ itemsReceived: items.length, itemsAccepted: items.length, errors: [] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

test('with APPLICATIONINSIGHTS_CONNECTION_STRING, the bot exports its requests there, without chat text', async () => {
  const envelopes: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'meeting-actions-telemetry-'));
  const tls = makeCertificate(dir);
  const ingestion = await startIngestion(tls, envelopes);
  const connector = await new FakeConnector().start();
  const bot = spawnEntryPoint({
    PORT: '0',
    DATA_DIR: join(dir, 'data'),
    NODE_EXTRA_CA_CERTS: tls.cert,
    LOG_LEVEL: 'info',
    APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=${ingestion.url};LiveEndpoint=${ingestion.url}`,
    // SDK self-diagnostics ("statsbeat") go to a fixed Microsoft endpoint, not the one above.
    APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
  });
  let stdout = '';
  let stderr = '';
  bot.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => bot.on('exit', resolve));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      bot.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString('utf8');
        const listening = /listening on (http:\/\/\S+\/api\/messages)/.exec(stdout);
        if (listening?.[1]) resolve(listening[1]);
      });
      void exited.then((code) => reject(new Error(`the bot exited (${String(code)}) before listening:\n${stdout}\n${stderr}`)));
    });
    const chat = new TeamsChat(connector.url);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(chat.message(chatPerson('Sarah Berry'), '/action Secret plan for the merger by Friday')),
    });
    expect(response.status).toBe(200);
    expect(connector.messagesIn(chat.conversationId)).toHaveLength(1);
  } finally {
    // SIGTERM makes the entry point stop the bot and flush telemetry before it exits.
    bot.kill('SIGTERM');
    await exited;
    await connector.stop();
    await ingestion.close();
    rmSync(dir, { recursive: true, force: true });
  }

  expect(stdout).toContain('"telemetry":true');
  const requests = envelopes
    .map((line) => JSON.parse(line) as { iKey?: string; data?: { baseType?: string; baseData?: { url?: string; responseCode?: string } } })
    .filter((envelope) => envelope.data?.baseType === 'RequestData' && envelope.data.baseData?.url?.endsWith('/api/messages'));
  expect(requests).toHaveLength(1);
  expect(requests[0]).toMatchObject({ iKey: '00000000-0000-0000-0000-000000000000', data: { baseData: { responseCode: '200' } } });
  expect(envelopes.join('\n')).not.toContain('Secret plan');
  // The distro always probes the Azure VM metadata service (169.254.169.254) to describe its host;
  // the child's network guard refuses it. Nothing else may leave the machine.
  expect(refusedBy(stderr).filter((destination) => !destination.startsWith('169.254.169.254:'))).toEqual([]);
});
