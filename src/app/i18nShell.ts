// Strings of the header, its menu and the theme switch; registered as `shell` by the header.
import { registerStrings } from '../services/i18n';

registerStrings('shell', {
  nl: {
    menu: 'Menu',
    menuTitle: 'Menu: account, synchronisatie, opslag en weergave',
    close: 'Menu sluiten',
    account: 'Account',
    sync: 'Synchroniseren',
    device: 'Dit apparaat',
    view: 'Weergave',
    manage: 'Beheer',
    areaEditor: 'Gebieden bewerken',
    survey: 'Enquête',
    contrast: 'Hoog contrast (voor fel zonlicht)',
    attention_one: '{{count}} wijziging geweigerd',
    attention_other: '{{count}} wijzigingen geweigerd',
  },
  en: {
    menu: 'Menu',
    menuTitle: 'Menu: account, sync, storage and display',
    close: 'Close menu',
    account: 'Account',
    sync: 'Sync',
    device: 'This device',
    view: 'Display',
    manage: 'Manage',
    areaEditor: 'Edit areas',
    survey: 'Survey',
    contrast: 'High contrast (for bright sunlight)',
    attention_one: '{{count}} change refused',
    attention_other: '{{count}} changes refused',
  },
});
