import type { AntiPattern, Knowledge, Question, Symptom } from '../knowledge/schema.js';

/** Knowledge with id lookups, built once per run and shared by every engine function. */
export type KnowledgeIndex = {
  knowledge: Knowledge;
  symptoms: ReadonlyMap<string, Symptom>;
  antiPatterns: ReadonlyMap<string, AntiPattern>;
  questions: ReadonlyMap<string, Question>;
  /** Retired question id -> the question that now answers for it (from `replaces`). */
  replacedQuestions: ReadonlyMap<string, string>;
  /**
   * Anti-pattern id -> the anti-patterns that lead to it (`leadsTo`). Only `leadsTo` states causation;
   * a prerequisite is fix order (the deploy script comes before the pipeline), not a cause.
   */
  drivenBy: ReadonlyMap<string, readonly string[]>;
  /** Anti-pattern id -> the questions whose evidence names it, in id order. */
  questionsTesting: ReadonlyMap<string, readonly Question[]>;
};

export function indexKnowledge(knowledge: Knowledge): KnowledgeIndex {
  const replacedQuestions = new Map<string, string>();
  const questionsTesting = new Map<string, Question[]>();
  for (const question of knowledge.questions) {
    for (const old of question.replaces) replacedQuestions.set(old, question.id);
    const tested = new Set([...question.evidence.yes, ...question.evidence.no].map((item) => item.antiPattern));
    for (const id of tested) questionsTesting.set(id, [...(questionsTesting.get(id) ?? []), question]);
  }
  const drivenBy = new Map<string, string[]>();
  const link = (from: string, to: string) => {
    if (from !== to && !(drivenBy.get(to) ?? []).includes(from)) drivenBy.set(to, [...(drivenBy.get(to) ?? []), from]);
  };
  for (const antiPattern of knowledge.antiPatterns) {
    for (const consequence of antiPattern.leadsTo) link(antiPattern.id, consequence);
  }
  return {
    knowledge,
    symptoms: new Map(knowledge.symptoms.map((symptom) => [symptom.id, symptom])),
    antiPatterns: new Map(knowledge.antiPatterns.map((antiPattern) => [antiPattern.id, antiPattern])),
    questions: new Map(knowledge.questions.map((question) => [question.id, question])),
    replacedQuestions,
    drivenBy,
    questionsTesting,
  };
}
