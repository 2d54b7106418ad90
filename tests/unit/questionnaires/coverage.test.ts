import { describe, expect, it } from 'vitest';
import { allQuestions, loadQuestionnaire } from './builtin';

/** Every element of the three frameworks a FRIA must cover (docs/authoring-questionnaires.md). */
const FRAMEWORK_ELEMENTS = [
  ...['a', 'b', 'c', 'd', 'e', 'f'].map((x) => `ai-act-27-${x}`),
  ...['a', 'b', 'c', 'd'].map((x) => `gdpr-35-7-${x}`),
  ...['1', '2', '3', '4'].map((x) => `iama-${x}`),
];

describe('framework coverage of fria-core', () => {
  const q = loadQuestionnaire('fria-core');
  const tagged = new Map<string, string[]>();
  for (const question of allQuestions(q)) {
    for (const tag of question.tags ?? [])
      tagged.set(tag, [...(tagged.get(tag) ?? []), question.id]);
  }

  it.each(FRAMEWORK_ELEMENTS)('%s is covered by at least one question', (element) => {
    expect(tagged.get(element) ?? []).not.toEqual([]);
  });

  it('tags only known framework elements', () => {
    const unknown = [...tagged.keys()].filter((t) => !FRAMEWORK_ELEMENTS.includes(t));
    expect(unknown).toEqual([]);
  });

  it('cites the article of the framework element on the questions that carry its tag', () => {
    // A tag claims coverage; the legal reference lets an auditor check it. Spot-check the
    // elements that name one specific article paragraph.
    const cites = (qid: string, source: string, article: RegExp) =>
      allQuestions(q)
        .find((x) => x.id === qid)
        ?.legal?.some((l) => l.source === source && article.test(l.article ?? ''));
    expect(cites('purpose', 'AI Act', /27\(1\)\(a\)/)).toBe(true);
    expect(cites('startDate', 'AI Act', /27\(1\)\(b\)/)).toBe(true);
    expect(cites('affectedGroups', 'AI Act', /27\(1\)\(c\)/)).toBe(true);
    expect(cites('governance', 'AI Act', /27\(1\)\(f\)/)).toBe(true);
    expect(cites('processes', 'GDPR', /35\(7\)\(a\)/)).toBe(true);
  });
});
