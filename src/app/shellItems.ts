import type { Role } from '../domain/findingStatus';

/**
 * Everything the header offers, in one list: the screens in the bar and the rest behind the menu.
 * Role filtering is one function over this list (`itemsFor`), so who sees what is decided in one place.
 * Widgets are parts of the menu that are more than a link (account, sync, storage, language, theme).
 */
export type ShellItem =
  | { id: string; kind: 'link'; href: string; labelKey: string; place: 'bar' | 'menu'; roles?: readonly Role[] }
  | { id: 'account' | 'sync' | 'storage' | 'language' | 'contrast'; kind: 'widget'; place: 'menu'; roles?: readonly Role[] };

export const shellItems: readonly ShellItem[] = [
  { id: 'map', kind: 'link', href: '/', labelKey: 'app.navMap', place: 'bar' },
  { id: 'schouw', kind: 'link', href: '/schouw', labelKey: 'app.navSchouw', place: 'bar' },
  { id: 'followup', kind: 'link', href: '/opvolging', labelKey: 'app.navFollowup', place: 'bar' },
  { id: 'shops', kind: 'link', href: '/winkels', labelKey: 'app.navShops', place: 'bar' },
  { id: 'partners', kind: 'link', href: '/partners', labelKey: 'app.navPartners', place: 'bar' },
  { id: 'account', kind: 'widget', place: 'menu' },
  { id: 'sync', kind: 'widget', place: 'menu' },
  { id: 'users', kind: 'link', href: '/beheer/gebruikers', labelKey: 'auth.usersLink', place: 'menu', roles: ['coordinator'] },
  { id: 'areaEditor', kind: 'link', href: '/gebieden/bewerken', labelKey: 'shell.areaEditor', place: 'menu', roles: ['coordinator'] },
  { id: 'storage', kind: 'widget', place: 'menu' },
  { id: 'language', kind: 'widget', place: 'menu' },
  { id: 'contrast', kind: 'widget', place: 'menu' },
];

/** The items of one place that a person with these roles sees; an item without roles is for everyone. */
export function itemsFor(items: readonly ShellItem[], place: ShellItem['place'], roles: readonly Role[]): ShellItem[] {
  return items.filter((i) => i.place === place && (!i.roles || i.roles.some((r) => roles.includes(r))));
}

/** Whether a bar link is the current screen (the map also owns the area pages). */
export function isCurrent(location: string, href: string): boolean {
  return href === '/' ? location === '/' || location.startsWith('/gebied/') : location.startsWith(href);
}
