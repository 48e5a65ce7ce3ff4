import type { Section } from '../model/types';
import { knownTopic } from '../prose/dictionary';
import { COMMON, TOPICS } from './templateRegistry';

const ORDINAL = /^\s*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]|[（(]\s*[一二三四五六七八九十\d]+\s*[）)]|\d+(?:\.\d+)*[、.．]?(?=\D)|[①-⑳])\s*/;

/** A title without its ordinals, spaces and final 。 (“（一）收支预算总体情况。” → 收支预算总体情况). */
export function normalizeTitle(title: string): string {
  let text = title.replace(/\s+/g, '');
  for (let i = 0; i < 4; i++) {
    const next = text.replace(ORDINAL, '');
    if (next === text) break;
    text = next;
  }
  return text.replace(/[。.：:]+$/, '');
}

function matches(title: string, pattern: string): boolean {
  const regex = /^\/(.*)\/$/.exec(pattern);
  return regex ? new RegExp(regex[1]).test(title) : title.includes(pattern);
}

/**
 * What a section speaks about: its `topic:` key (a topic id, or the Chinese title the checker
 * gives the topic, e.g. 收支总体情况), else the first topic whose title pattern matches.
 */
export function topicOf(section: Section): string | undefined {
  const explicit = section.topic?.value.trim();
  if (explicit) {
    if (COMMON.topics.has(explicit)) return explicit;
    const named = knownTopic(explicit)?.id;
    return named && COMMON.topics.has(named) ? named : explicit;
  }
  if (!section.title) return undefined;
  const title = normalizeTitle(section.title.value);
  for (const topic of TOPICS) {
    if (topic.not?.some((p) => matches(title, p))) continue;
    if (topic.titles.some((p) => matches(title, p))) return topic.id;
  }
  return undefined;
}
