// Registers the privacy strings once, from whichever privacy component loads first.
import { registerStrings } from '../../services/i18n';
import { privacyStrings } from './privacyStrings';

registerStrings('privacy', privacyStrings);
