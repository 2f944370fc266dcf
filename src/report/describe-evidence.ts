import type { EvidenceEntry } from '../engine/diagnosis-schema.js';
import type { KnowledgeIndex } from '../engine/knowledge-index.js';
import { formatTally } from '../engine/room-answers.js';
import type { Tally } from '../engine/session-schema.js';

function strength(change: number): string {
  const size = Math.abs(change);
  if (size >= 2) return 'strongly';
  if (size >= 1) return 'clearly';
  return 'slightly';
}

/** One line of "why we think so", in plain words, for reports and the interactive results screen. */
export function describeEvidence(entry: EvidenceEntry, index: KnowledgeIndex, tally?: Tally): string {
  const signed = `${entry.change >= 0 ? '+' : '-'}${Math.abs(entry.change).toFixed(1)}`;
  if (entry.source === 'symptom') {
    const title = index.symptoms.get(entry.id)?.title ?? entry.id;
    const role = entry.mostCommon ? 'is its most common cause' : 'is a known cause of it';
    return `You reported "${title}", and this ${role} (${signed}).`;
  }
  const text = index.questions.get(entry.id)?.text ?? entry.id;
  const direction = entry.change >= 0 ? 'toward' : 'away from';
  if (entry.source === 'implied') {
    const title = index.symptoms.get(entry.symptom)?.title ?? entry.symptom;
    return `Reporting "${title}" already answers "${entry.answer}" to "${text}", which points ${strength(entry.change)} ${direction} this (${signed}).`;
  }
  if (tally) {
    // Several voices: the room's answer counts by how far the room agreed (see room-answers.ts).
    return `The room leaned "${entry.answer}" on "${text}" (${formatTally(tally)}), which points ${strength(entry.change)} ${direction} this (${signed}).`;
  }
  return `You answered "${entry.answer}" to "${text}", which points ${strength(entry.change)} ${direction} this (${signed}).`;
}
