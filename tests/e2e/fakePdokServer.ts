// The local fake PDOK for the end-to-end tests (issue 14), started by playwright.config.ts on
// PDOK_PORT with the Deventer stand-in data; the app server's PDOK_* variables point at it.
import { startFakePdok } from '../support/fakePdok';
import { deventerPdok } from './pdokDeventer';

const port = Number(process.env.PDOK_PORT ?? 8183);
const fake = await startFakePdok(deventerPdok, port);
console.log(`fake PDOK on ${fake.url}`);
const stop = () => void fake.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
