/**
 * The live position's colours (LiveLocation.tsx), here so the map colour table test
 * (tests/map/mapColours.test.ts) checks them against every background: the dot's fill holds 3:1 on
 * the map, its white edge 3:1 against the fill; the accuracy circle's edge holds 3:1 on the map (its
 * 10 % fill is a tint, not something to read).
 */
export const liveColours = { dot: '#0b4f9c', dotEdge: '#ffffff', accuracyEdge: '#0b4f9c', accuracyFill: '#1f5fbf' } as const;
