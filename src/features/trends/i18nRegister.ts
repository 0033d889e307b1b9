// Registers the trends strings once, from whichever trends component loads first.
import { registerStrings } from '../../services/i18n';
import { trendsStrings } from './i18n';

registerStrings('trends', trendsStrings);
