/** Colour classes of the partners' map: sequential for percentages, pass/fail aware for grades. */

export interface ColourClass {
  colour: string;
  /** Label for the legend (already formatted). */
  label: string;
  test: (value: number) => boolean;
}

// ColorBrewer PuBu (colour-blind safe, prints in grey), dark enough for the black label text to stay readable.
export const percentClasses: ColourClass[] = [
  { colour: '#f1eef6', label: '0–24%', test: (v) => v < 25 },
  { colour: '#bdc9e1', label: '25–49%', test: (v) => v >= 25 && v < 50 },
  { colour: '#74a9cf', label: '50–74%', test: (v) => v >= 50 && v < 75 },
  { colour: '#2b8cbe', label: '75–100%', test: (v) => v >= 75 },
];

export const gradeClasses: ColourClass[] = [
  { colour: '#d7301f', label: '< 6,0', test: (v) => v < 6 },
  { colour: '#fee08b', label: '6,0–7,9', test: (v) => v >= 6 && v < 8 },
  { colour: '#1a9850', label: '≥ 8,0', test: (v) => v >= 8 },
];

export function classColour(classes: readonly ColourClass[], value: number | null): string | null {
  if (value === null) return null;
  return classes.find((c) => c.test(value))?.colour ?? null;
}
