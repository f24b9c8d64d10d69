import { createHash } from 'node:crypto';

/** Lower-case ASCII slug: "Spring Boot (Java)" -> "spring-boot-java", "C#" -> "c-sharp". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/#/g, '-sharp')
    .replace(/\+/g, '-plus')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** "backend-engineer.md" -> "Backend Engineer". */
export function humanize(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base
    .replace(/\.md$/i, '')
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/** Removes the indentation that every non-blank line shares. */
export function dedent(text: string): string {
  const lines = text.split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length);
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  return lines
    .map((l) => l.slice(Math.min(common, l.length - l.trimStart().length)))
    .join('\n')
    .trimEnd();
}

/** A short, stable key for a unit id (10 URL-safe characters), for button ids with a length limit. */
export function unitKey(id: string): string {
  return createHash('sha1').update(id).digest('base64url').slice(0, 10);
}
