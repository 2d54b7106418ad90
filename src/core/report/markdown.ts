/**
 * A tiny, safe markdown subset for questionnaire help texts: paragraphs, "- " lists, **bold**,
 * *italic* and [links](https://…). It yields a plain tree; renderers turn it into React elements
 * or PDF text. No HTML is ever interpreted: "<script>" stays the literal text "<script>".
 */
export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'em'; children: Inline[] }
  | { kind: 'link'; href: string; children: Inline[] };

export type Block = { kind: 'paragraph'; children: Inline[] } | { kind: 'list'; items: Inline[][] };

/** Only web and mail links survive; anything else (javascript:, data:, relative) becomes plain text. */
export function safeHref(href: string): string | null {
  const h = href.trim();
  return /^(https?:\/\/|mailto:)[^\s<>"']+$/i.test(h) ? h : null;
}

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let para: string[] = [];
  let list: string[] | null = null;
  const flushPara = () => {
    if (para.length) blocks.push({ kind: 'paragraph', children: parseInline(para.join(' ')) });
    para = [];
  };
  const flushList = () => {
    if (list) blocks.push({ kind: 'list', items: list.map(parseInline) });
    list = null;
  };
  for (const line of lines) {
    const item = /^\s*[-*]\s+(.*)$/.exec(line);
    if (item) {
      flushPara();
      (list ??= []).push(item[1] ?? '');
    } else if (line.trim() === '') {
      flushPara();
      flushList();
    } else if (list && /^\s{2,}\S/.test(line)) {
      list[list.length - 1] += ` ${line.trim()}`;
    } else {
      flushList();
      para.push(line.trim());
    }
  }
  flushPara();
  flushList();
  return blocks;
}

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let buf = '';
  const push = (node: Inline) => {
    if (buf) out.push({ kind: 'text', text: buf });
    buf = '';
    out.push(node);
  };
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const link = /^\[([^\]]{1,500})\]\(([^)\s]{1,2000})\)/.exec(rest);
    if (link) {
      const href = safeHref(link[2] ?? '');
      if (href) push({ kind: 'link', href, children: parseInline(link[1] ?? '') });
      else buf += link[1] ?? '';
      i += link[0].length;
      continue;
    }
    const strong = /^\*\*([^*]{1,2000})\*\*/.exec(rest);
    if (strong) {
      push({ kind: 'strong', children: parseInline(strong[1] ?? '') });
      i += strong[0].length;
      continue;
    }
    const em = /^\*([^*\s][^*]{0,2000}?)\*/.exec(rest);
    if (em) {
      push({ kind: 'em', children: parseInline(em[1] ?? '') });
      i += em[0].length;
      continue;
    }
    buf += text[i];
    i++;
  }
  if (buf) out.push({ kind: 'text', text: buf });
  return out;
}

/** The text of a markdown source without markup (for the PDF and for search). */
export function markdownToPlainText(source: string): string {
  const inline = (nodes: Inline[]): string =>
    nodes.map((n) => (n.kind === 'text' ? n.text : inline(n.children))).join('');
  return parseMarkdown(source)
    .map((b) =>
      b.kind === 'paragraph'
        ? inline(b.children)
        : b.items.map((it) => `• ${inline(it)}`).join('\n'),
    )
    .join('\n\n');
}
