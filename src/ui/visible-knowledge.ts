import { indexKnowledge, type KnowledgeIndex } from '../engine/knowledge-index.js';
import { showControls } from '../source/show-controls.js';

/** Every string in a value with its control characters made visible; unchanged parts keep their identity. */
function visible<T>(value: T): T {
  if (typeof value === 'string') return showControls(value) as T;
  if (Array.isArray(value)) {
    const mapped = value.map(visible);
    return (mapped.every((item, position) => item === value[position]) ? value : mapped) as T;
  }
  if (value && typeof value === 'object') {
    let changed = false;
    const entries = Object.entries(value).map(([key, item]) => {
      const shown = visible(item);
      changed ||= shown !== item;
      return [key, shown] as const;
    });
    return (changed ? Object.fromEntries(entries) : value) as T;
  }
  return value;
}

/**
 * The knowledge as the app shows it: a pack's titles and texts reach the terminal through Ink,
 * which writes them as they are, so an escape sequence in a pack would recolour the screen, set the
 * window title or break the layout. Made visible once here, the picker, questions, results,
 * preview and export all show `\u001b` instead. Ids never hold control characters, so nothing else changes.
 */
export function withVisibleControls(index: KnowledgeIndex): KnowledgeIndex {
  const knowledge = visible(index.knowledge);
  return knowledge === index.knowledge ? index : indexKnowledge(knowledge);
}
