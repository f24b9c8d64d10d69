/**
 * The checks Discord applies to what a bot sends (documented limits); a payload that breaks one is
 * answered 400 / 50035 "Invalid Form Body", as Discord does.
 */

type Json = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const arr = (v: unknown) => (Array.isArray(v) ? (v as Json[]) : []);

/** Problems with a message payload (content, embeds, components); empty when valid. */
export function messageProblems(body: Json, options: { requireContent: boolean; files: number }): string[] {
  const problems: string[] = [];
  const content = str(body.content);
  if (content.length > 2000) problems.push(`content: must be 2000 or fewer in length (${content.length})`);
  const embeds = arr(body.embeds);
  if (embeds.length > 10) problems.push('embeds: must be 10 or fewer in length');
  let total = 0;
  embeds.forEach((e, i) => {
    const title = str(e.title);
    const description = str(e.description);
    const footer = str((e.footer as Json | undefined)?.text);
    const author = str((e.author as Json | undefined)?.name);
    const fields = arr(e.fields);
    if (title.length > 256) problems.push(`embeds.${i}.title: must be 256 or fewer in length`);
    if (description.length > 4096) problems.push(`embeds.${i}.description: must be 4096 or fewer in length`);
    if (footer.length > 2048) problems.push(`embeds.${i}.footer.text: must be 2048 or fewer in length`);
    if (author.length > 256) problems.push(`embeds.${i}.author.name: must be 256 or fewer in length`);
    if (fields.length > 25) problems.push(`embeds.${i}.fields: must be 25 or fewer in length`);
    fields.forEach((f, j) => {
      if (str(f.name).length === 0 || str(f.name).length > 256)
        problems.push(`embeds.${i}.fields.${j}.name: 1-256`);
      if (str(f.value).length === 0 || str(f.value).length > 1024)
        problems.push(`embeds.${i}.fields.${j}.value: 1-1024`);
      total += str(f.name).length + str(f.value).length;
    });
    if (!title && !description && fields.length === 0 && !footer && !author && !e.image && !e.thumbnail) {
      problems.push(`embeds.${i}: empty embed`);
    }
    total += title.length + description.length + footer.length + author.length;
  });
  if (total > 6000) problems.push(`embeds: embed size exceeds maximum size of 6000 (${total})`);
  const rows = arr(body.components);
  if (rows.length > 5) problems.push('components: must be 5 or fewer in length');
  const ids = new Set<string>();
  rows.forEach((row, i) => {
    if (row.type !== 1) problems.push(`components.${i}.type: expected an action row`);
    const buttons = arr(row.components);
    if (buttons.length < 1 || buttons.length > 5) problems.push(`components.${i}.components: 1-5 components`);
    buttons.forEach((b, j) => {
      const id = str(b.custom_id);
      if (b.style !== 5 && (id.length < 1 || id.length > 100))
        problems.push(`components.${i}.${j}.custom_id: 1-100`);
      if (id && ids.has(id)) problems.push(`components.${i}.${j}.custom_id: duplicate`);
      ids.add(id);
      if (str(b.label).length > 80)
        problems.push(`components.${i}.${j}.label: must be 80 or fewer in length`);
    });
  });
  if (options.requireContent && !content && embeds.length === 0 && options.files === 0 && rows.length === 0) {
    problems.push('Cannot send an empty message');
  }
  return problems;
}

/** Problems with an autocomplete result. */
export function choiceProblems(data: Json): string[] {
  const choices = arr(data.choices);
  const problems: string[] = [];
  if (choices.length > 25) problems.push('choices: must be 25 or fewer in length');
  choices.forEach((c, i) => {
    const name = str(c.name);
    if (name.length < 1 || name.length > 100) problems.push(`choices.${i}.name: 1-100`);
    if (typeof c.value === 'string' && (c.value.length < 1 || c.value.length > 100))
      problems.push(`choices.${i}.value: 1-100`);
  });
  return problems;
}

const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function optionProblems(options: Json[], path: string): string[] {
  const problems: string[] = [];
  if (options.length > 25) problems.push(`${path}: must be 25 or fewer in length`);
  let sawOptional = false;
  options.forEach((o, i) => {
    const at = `${path}.${i}`;
    if (!NAME.test(str(o.name)) || str(o.name) !== str(o.name).toLowerCase())
      problems.push(`${at}.name: invalid`);
    const d = str(o.description);
    if (d.length < 1 || d.length > 100) problems.push(`${at}.description: 1-100`);
    if (arr(o.choices).length > 25) problems.push(`${at}.choices: must be 25 or fewer in length`);
    if (o.autocomplete && arr(o.choices).length > 0) problems.push(`${at}: autocomplete with choices`);
    if (o.type === 1 || o.type === 2) problems.push(...optionProblems(arr(o.options), `${at}.options`));
    else if (o.required && sawOptional)
      problems.push(`${at}: required options must come before optional ones`);
    else if (!o.required) sawOptional = true;
  });
  return problems;
}

/** Problems with a bulk command overwrite. */
export function commandProblems(commands: Json[], scope: 'global' | 'guild'): string[] {
  const problems: string[] = [];
  if (commands.length > 100) problems.push('must be 100 or fewer chat input commands');
  const names = new Set<string>();
  commands.forEach((c, i) => {
    if (!NAME.test(str(c.name)) || str(c.name) !== str(c.name).toLowerCase())
      problems.push(`${i}.name: invalid`);
    if (names.has(str(c.name))) problems.push(`${i}.name: duplicate`);
    names.add(str(c.name));
    const d = str(c.description);
    if (d.length < 1 || d.length > 100) problems.push(`${i}.description: 1-100`);
    problems.push(...optionProblems(arr(c.options), `${i}.options`));
    if (scope === 'global') {
      for (const ctx of arr(c.contexts) as unknown[])
        if (![0, 1, 2].includes(ctx as number)) problems.push(`${i}.contexts`);
      for (const t of arr(c.integration_types) as unknown[])
        if (![0, 1].includes(t as number)) problems.push(`${i}.integration_types`);
    }
  });
  return problems;
}
