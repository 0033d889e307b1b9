import type { ZodError } from 'zod';
import type { AreaRuleError } from './areaRuleTypes';

// The wording of the area rules' messages: one line, naming the feature.

export function errorText(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').trim();
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(feature)' : out;
}

export function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

export function rawProperty(raw: unknown, key: 'id' | 'name'): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const props = (raw as { properties?: unknown }).properties;
  if (typeof props !== 'object' || props === null) return undefined;
  const v = (props as Record<string, unknown>)[key];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

export function labelOf(raw: unknown, index: number): string {
  return rawProperty(raw, 'name') ?? rawProperty(raw, 'id') ?? `#${index}`;
}

export function schemaErrors(issues: ZodError['issues'], index: number, feature: string): AreaRuleError[] {
  return issues.map((issue) => ({
    index,
    feature,
    reason: 'invalid_schema' as const,
    message: oneLine(`Area "${feature}" (feature ${index}): ${formatPath(issue.path)}: ${issue.message}`),
  }));
}

export function formatM2(m2: number): string {
  return m2 >= 10_000 ? `${(m2 / 10_000).toFixed(2)} ha` : `${Math.round(m2)} m²`;
}
