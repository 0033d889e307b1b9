// Issue 15, stateless instances: two server processes on one PostgreSQL behave as one. A session made
// on A works on B, a push to A is pulled from B, the login limit counts attempts on both, and killing A
// mid-push loses nothing acknowledged while B serves on.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, CSRF_VALUE } from '../../src/domain/authConstants';
import { canRunPrivatePostgres, startPrivatePostgres, type PrivatePostgres } from '../support/privatePostgres';
import { startServerProcess, type ServerProcess } from '../support/serverProcess';
import { writeStaticDir } from '../support/fixtures';
import { FaultDevice, pullAllFindingIds, pushUntilDrained, rng, setupCoordinator, verify, whenAcknowledged, type Session } from './harness';

describe.skipIf(!canRunPrivatePostgres() && !process.env.CI)('two server instances on one PostgreSQL', () => {
  let pg: PrivatePostgres;
  let a: ServerProcess;
  let b: ServerProcess;
  let session: Session;
  const dirs: string[] = [];
  const dir = (prefix: string) => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    dirs.push(d);
    return d;
  };

  beforeAll(async () => {
    pg = await startPrivatePostgres();
    const staticDir = dir('schouwkaart-two-static-');
    writeStaticDir(staticDir);
    // One database, two data folders: nothing else is shared between the two processes.
    const env = { DATABASE_URL: pg.url, STATIC_DIR: staticDir };
    const dataA = dir('schouwkaart-two-a-');
    a = await startServerProcess({ ...env, DATA_DIR: dataA });
    b = await startServerProcess({ ...env, DATA_DIR: dir('schouwkaart-two-b-') });
    session = await setupCoordinator(a.baseUrl, dataA);
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    pg?.remove();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it('a session made on A is valid on B', async () => {
    const me = await fetch(`${b.baseUrl}/api/auth/me`, { headers: { cookie: session.cookie } });
    expect(me.status).toBe(200);
    expect((await me.json()).user.id).toBe(session.actor.id);
  });

  it('a push to A is pulled from B', async () => {
    const device = new FaultDevice({ ...session, baseUrl: () => a.baseUrl }, rng(7));
    device.capture(5);
    await pushUntilDrained([device]);
    const onB = await pullAllFindingIds({ ...session, baseUrl: () => b.baseUrl });
    for (const m of device.sent.values()) expect(onB).toContain(m.recordId);
  });

  it('the login limit counts wrong passwords on both instances together', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) {
      const server = i % 2 === 0 ? a : b;
      const res = await fetch(`${server.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [CSRF_HEADER]: CSRF_VALUE },
        body: JSON.stringify({ login: 'faults@deventer.nl', password: `wrong password number ${i}` }),
      });
      statuses.push(res.status);
    }
    // Seven attempts on each: neither alone reaches the limit of 10 per login, together they do.
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toContain(429);
  });

  it('A killed mid-push: the devices go on with B, nothing acknowledged is lost or doubled', async () => {
    let target = a;
    const routed: Session = { ...session, baseUrl: () => target.baseUrl };
    const random = rng(11);
    const devices = Array.from({ length: 4 }, () => new FaultDevice(routed, random));
    for (const d of devices) d.capture(25);
    const pushing = pushUntilDrained(devices);
    await whenAcknowledged(devices, 30);
    await a.stop('SIGKILL');
    target = b; // what a load balancer does when A stops answering
    await pushing;
    await pushUntilDrained(devices);
    const figures = await verify('two instances, A killed', { ...session, baseUrl: () => b.baseUrl }, devices);
    expect(figures.acknowledged).toBe(100);
    expect(figures.missing).toBe(0);
    expect(figures.duplicated).toBe(0);
    expect(figures.resentSameAnswer).toBe(figures.resent);
    expect((await fetch(`${b.baseUrl}/api/health`)).status).toBe(200);
  });
});
