import { defineConfig } from '@playwright/test';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';

const port = Number(process.env.E2E_PORT ?? 8181);
const tilePort = Number(process.env.E2E_TILE_PORT ?? 8182);
// The local fake PDOK (Locatieserver and BAG OGC API, issue 14): the app server asks it, never PDOK.
const pdokPort = Number(process.env.E2E_PDOK_PORT ?? 8183);
const pdok = `http://127.0.0.1:${pdokPort}`;
// Made once by the runner and inherited by the workers (which load this file again), so tests can
// read the server's DATA_DIR (the one-time setup link in setup-link.txt).
const dataDir = process.env.E2E_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'schouwkaart-e2e-'));
process.env.E2E_DATA_DIR = dataDir;
const tiles = `http://127.0.0.1:${tilePort}/tiles`;
// A real SMTP server on loopback the app sends its mails to (tests/e2e/smtpSinkServer.ts); tests read
// what arrived from its HTTP side.
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 8184);
const smtpHttpPort = Number(process.env.E2E_SMTP_HTTP_PORT ?? 8185);
process.env.E2E_SMTP_HTTP = `http://127.0.0.1:${smtpHttpPort}`;

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: /.*\.e2e\.ts$/,
  // The tests share one server and change its built files (the update test): run them one by one.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 120_000,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: [
    {
      command: `node tests/e2e/tileServer.mjs`,
      env: { TILE_PORT: String(tilePort) },
      url: `http://127.0.0.1:${tilePort}/stats`,
      reuseExistingServer: false,
    },
    {
      command: 'npx tsx tests/e2e/fakePdokServer.ts',
      env: { PDOK_PORT: String(pdokPort) },
      url: `${pdok}/__stats`,
      reuseExistingServer: false,
    },
    {
      command: 'npx tsx tests/e2e/smtpSinkServer.ts',
      env: { SMTP_SINK_PORT: String(smtpPort), SMTP_SINK_HTTP_PORT: String(smtpHttpPort) },
      url: `http://127.0.0.1:${smtpHttpPort}/health`,
      reuseExistingServer: false,
    },
    {
      command: 'node dist-server/main.js',
      env: {
        PORT: String(port),
        DATA_DIR: dataDir,
        TILE_URL_BRT: `${tiles}/brt/{z}/{x}/{y}.png`,
        TILE_URL_BRT_GREY: `${tiles}/grey/{z}/{x}/{y}.png`,
        TILE_URL_LUCHTFOTO: `${tiles}/foto/{z}/{x}/{y}.png`,
        PDOK_LOCATIESERVER_URL: `${pdok}/locatieserver`,
        PDOK_BAG_OGC_URL: `${pdok}/bag`,
        PDOK_RATE_PER_SECOND: '100',
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        MAIL_FROM: 'Schouwkaart e2e <schouw@e2e.example>',
        MAIL_POLL_SECONDS: '1',
      },
      url: `http://localhost:${port}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
});
