// Registers the sync strings once, from whichever sync component loads first.
import { registerStrings } from '../services/i18n';
import { syncStrings } from './i18n';

registerStrings('sync', syncStrings);
