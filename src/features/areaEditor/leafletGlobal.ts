import L from 'leaflet';

// leaflet-geoman extends the global `L`; this module runs before it is imported (see EditorMap.tsx).
(globalThis as { L?: typeof L }).L = L;
