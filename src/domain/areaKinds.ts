// Kept free of zod so the first screen can use them without loading the schema library.
export const areaKinds = ['centre', 'shopping_centre', 'street', 'village_core'] as const;
export const kvoStatuses = ['certified', 'participating', 'not_on_map'] as const;
