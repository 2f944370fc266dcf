import type { AntiPattern, Knowledge, Question, Symptom } from '../knowledge/schema.js';

/** Knowledge with id lookups, built once per run and shared by every engine function. */
export type KnowledgeIndex = {
  knowledge: Knowledge;
  symptoms: ReadonlyMap<string, Symptom>;
  antiPatterns: ReadonlyMap<string, AntiPattern>;
  questions: ReadonlyMap<string, Question>;
};

export function indexKnowledge(knowledge: Knowledge): KnowledgeIndex {
  return {
    knowledge,
    symptoms: new Map(knowledge.symptoms.map((symptom) => [symptom.id, symptom])),
    antiPatterns: new Map(knowledge.antiPatterns.map((antiPattern) => [antiPattern.id, antiPattern])),
    questions: new Map(knowledge.questions.map((question) => [question.id, question])),
  };
}
