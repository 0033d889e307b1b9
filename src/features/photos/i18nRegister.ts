// Registers the photo strings once, from whichever photo component loads first.
import { registerStrings } from '../../services/i18n';
import { photoStrings } from './i18n';

registerStrings('photos', photoStrings);
