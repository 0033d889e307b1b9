import type { Capability } from '../domain/access';

/**
 * Everything the header offers, in one list: the screens in the bar and the rest behind the menu.
 * Role filtering is one function over this list (`itemsFor`) asking the shared access rules
 * (src/domain/access.ts, via src/services/access.ts), so the menu and the server cannot disagree.
 * Widgets are parts of the menu that are more than a link (account, sync, storage, language, theme).
 */
export type ShellItem =
  | { id: string; kind: 'link'; href: string; labelKey: string; place: 'bar' | 'menu'; capability?: Capability }
  | { id: 'account' | 'sync' | 'storage' | 'language' | 'contrast'; kind: 'widget'; place: 'menu'; capability?: Capability };

export const shellItems: readonly ShellItem[] = [
  { id: 'map', kind: 'link', href: '/', labelKey: 'app.navMap', place: 'bar' },
  { id: 'schouw', kind: 'link', href: '/schouw', labelKey: 'app.navSchouw', place: 'bar', capability: 'walk' },
  { id: 'followup', kind: 'link', href: '/opvolging', labelKey: 'app.navFollowup', place: 'bar', capability: 'followUpView' },
  { id: 'shops', kind: 'link', href: '/winkels', labelKey: 'app.navShops', place: 'bar', capability: 'shopsView' },
  { id: 'partners', kind: 'link', href: '/partners', labelKey: 'app.navPartners', place: 'bar' },
  { id: 'account', kind: 'widget', place: 'menu' },
  { id: 'sync', kind: 'widget', place: 'menu', capability: 'sync' },
  { id: 'users', kind: 'link', href: '/beheer/gebruikers', labelKey: 'auth.usersLink', place: 'menu', capability: 'manageUsers' },
  { id: 'areaEditor', kind: 'link', href: '/gebieden/bewerken', labelKey: 'shell.areaEditor', place: 'menu', capability: 'editAreas' },
  { id: 'myActions', kind: 'link', href: '/mijn-acties', labelKey: 'owners.navMyActions', place: 'menu', capability: 'myActions' },
  { id: 'owners', kind: 'link', href: '/beheer/eigenaren', labelKey: 'owners.navOwners', place: 'menu', capability: 'manageOwners' },
  { id: 'mail', kind: 'link', href: '/beheer/berichten', labelKey: 'owners.navMail', place: 'menu', capability: 'viewMail' },
  { id: 'survey', kind: 'link', href: '/beheer/enquete', labelKey: 'shell.survey', place: 'menu', capability: 'manageSurvey' },
  { id: 'worries', kind: 'link', href: '/beheer/meldingen', labelKey: 'worriesNav.nav', place: 'menu', capability: 'moderateWorries' },
  { id: 'storage', kind: 'widget', place: 'menu' },
  { id: 'language', kind: 'widget', place: 'menu' },
  { id: 'contrast', kind: 'widget', place: 'menu' },
];

/** The items of one place that this person may use (`may`: src/services/access.ts mayShow); an item without a capability is for everyone. */
export function itemsFor(items: readonly ShellItem[], place: ShellItem['place'], may: (capability: Capability) => boolean): ShellItem[] {
  return items.filter((i) => i.place === place && (!i.capability || may(i.capability)));
}

/** Whether a bar link is the current screen (the map also owns the area pages). */
export function isCurrent(location: string, href: string): boolean {
  return href === '/' ? location === '/' || location.startsWith('/gebied/') : location.startsWith(href);
}
