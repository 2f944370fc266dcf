import type { Problem } from '../source/problems.js';
import { unknownIdMessage } from '../source/suggest.js';
import { problemAt } from '../source/yaml-source.js';
import type { LoadedEntity } from './parse-knowledge-file.js';
import { vocabularyProblems } from './vocabulary-check.js';

export type LoadedKnowledge = {
  symptoms: LoadedEntity<'symptoms'>[];
  antiPatterns: LoadedEntity<'anti-patterns'>[];
  questions: LoadedEntity<'questions'>[];
  vocabulary: LoadedEntity<'vocabulary'>[];
};

/** Ids whose files exist but failed their own checks: references to them are not reported again. */
export type BrokenIds = Record<'symptoms' | 'antiPatterns' | 'questions' | 'vocabulary', ReadonlySet<string>>;

const noBrokenIds: BrokenIds = { symptoms: new Set(), antiPatterns: new Set(), questions: new Set(), vocabulary: new Set() };

/** Checks that hold between files: every reference resolves and nothing is unreachable or circular. */
export function crossCheck(knowledge: LoadedKnowledge, broken: BrokenIds = noBrokenIds): Problem[] {
  const symptomIds = new Set([...knowledge.symptoms.map((entity) => entity.id), ...broken.symptoms]);
  const antiPatternIds = new Set([...knowledge.antiPatterns.map((entity) => entity.id), ...broken.antiPatterns]);
  const questionIds = new Set([...knowledge.questions.map((entity) => entity.id), ...broken.questions]);
  const problems: Problem[] = [];

  const checkIds = (entity: LoadedEntity, field: string, ids: readonly string[], known: Set<string>, kind: string, pick?: (index: number) => PropertyKey[]) => {
    const seen = new Set<string>();
    ids.forEach((id, index) => {
      const path = pick ? pick(index) : [field, index];
      if (!known.has(id)) problems.push(problemAt(entity.source, path, unknownIdMessage(kind, id, known)));
      else if (seen.has(id)) problems.push(problemAt(entity.source, path, `"${id}" is listed twice`));
      else if (id === entity.id && kind === kindName(entity)) problems.push(problemAt(entity.source, path, 'refers to itself'));
      seen.add(id);
    });
  };

  const reached = new Set<string>();
  const asked = new Set<string>();
  for (const symptom of knowledge.symptoms) {
    const { causes, questions, related, implies } = symptom.body;
    checkIds(symptom, 'causes', causes.map((cause) => cause.antiPattern), antiPatternIds, 'anti-pattern', (index) => ['causes', index, 'antiPattern']);
    checkIds(symptom, 'questions', questions, questionIds, 'question');
    for (const id of Object.keys(implies)) {
      if (!questionIds.has(id)) problems.push(problemAt(symptom.source, ['implies', id], unknownIdMessage('question', id, questionIds)));
      else if (questions.includes(id)) problems.push(problemAt(symptom.source, ['implies', id], `"${id}" is implied, so it is never asked: take it out of questions`));
    }
    checkIds(symptom, 'related', related, symptomIds, 'symptom');
    const mostCommon = causes.filter((cause) => cause.mostCommon).length;
    if (mostCommon !== 1) {
      problems.push(problemAt(symptom.source, ['causes'], `exactly one cause must be marked mostCommon: true (found ${mostCommon})`));
    }
    causes.forEach((cause) => reached.add(cause.antiPattern));
    questions.forEach((id) => asked.add(id));
    Object.keys(implies).forEach((id) => asked.add(id));
  }

  for (const antiPattern of knowledge.antiPatterns) {
    checkIds(antiPattern, 'prerequisites', antiPattern.body.prerequisites, antiPatternIds, 'anti-pattern');
    checkIds(antiPattern, 'related', antiPattern.body.related, antiPatternIds, 'anti-pattern');
    checkIds(antiPattern, 'leadsTo', antiPattern.body.leadsTo, antiPatternIds, 'anti-pattern');
    if (!reached.has(antiPattern.id) && broken.symptoms.size === 0) {
      problems.push(problemAt(antiPattern.source, [], `no symptom lists "${antiPattern.id}" as a cause, so a diagnosis can never reach it`));
    }
  }

  const replacedBy = new Map<string, string>();
  for (const question of knowledge.questions) {
    question.body.replaces.forEach((old, index) => {
      if (questionIds.has(old)) problems.push(problemAt(question.source, ['replaces', index], `"${old}" is still a question; only a retired id can be replaced`));
      else if (replacedBy.has(old)) problems.push(problemAt(question.source, ['replaces', index], `"${old}" is already replaced by "${replacedBy.get(old)}"`));
      else replacedBy.set(old, question.id);
    });
    for (const answer of ['yes', 'no'] as const) {
      const evidence = question.body.evidence[answer];
      checkIds(question, answer, evidence.map((item) => item.antiPattern), antiPatternIds, 'anti-pattern', (index) => ['evidence', answer, index, 'antiPattern']);
    }
    if (question.body.evidence.yes.length + question.body.evidence.no.length === 0) {
      problems.push(problemAt(question.source, ['evidence'], 'a question without evidence cannot move the ranking'));
    }
    // The interview asks any question that tests a plausible cause, so a question is reachable when a
    // symptom lists or implies it, or when its evidence names an anti-pattern some symptom reaches.
    const tests = [...question.body.evidence.yes, ...question.body.evidence.no].map((item) => item.antiPattern);
    if (!asked.has(question.id) && !tests.some((id) => reached.has(id)) && broken.symptoms.size === 0) {
      problems.push(problemAt(question.source, [], `no symptom uses question "${question.id}" and it tests no anti-pattern a symptom reaches, so it would never be asked`));
    }
  }

  problems.push(...stepReferences(knowledge.antiPatterns));
  problems.push(...linkCycles(knowledge.antiPatterns, 'prerequisites', 'prerequisite'));
  problems.push(...linkCycles(knowledge.antiPatterns, 'leadsTo', 'leadsTo'));
  problems.push(...vocabularyProblems(knowledge.vocabulary));
  return problems;
}

/**
 * Advice rather than errors: the knowledge works, but a diagnosis will be weaker than it could be.
 * An anti-pattern that only one question can raise is lost when the team answers it "unsure"; a
 * question that asks two things at once gets an answer nobody can interpret.
 */
export function knowledgeWarnings(knowledge: LoadedKnowledge): Problem[] {
  const warnings: Problem[] = [];
  const raisedBy = new Map<string, Set<string>>();
  for (const question of knowledge.questions) {
    const { yes, no } = question.body.evidence;
    for (const item of [...yes, ...no]) if (item.points === 'toward') raisedBy.set(item.antiPattern, (raisedBy.get(item.antiPattern) ?? new Set()).add(question.id));
    const { text, compoundBecause } = question.body;
    if (compoundBecause) continue;
    if ((text.match(/\?/g) ?? []).length > 1) warnings.push(problemAt(question.source, ['text'], 'asks more than one question; split it, or say why in compoundBecause'));
    else if (/\b(and|or)\b/i.test(text)) warnings.push(problemAt(question.source, ['text'], 'joins two conditions with "and" or "or"; ask one thing, or say why in compoundBecause'));
  }
  for (const antiPattern of knowledge.antiPatterns) {
    const questions = raisedBy.get(antiPattern.id)?.size ?? 0;
    if (questions < 2) {
      warnings.push(problemAt(antiPattern.source, [], `only ${questions === 0 ? 'no question' : 'one question'} can point to "${antiPattern.id}"; an "unsure" answer leaves no other way to test it`));
    }
  }
  return warnings;
}

function kindName(entity: LoadedEntity): string {
  return entity.kind === 'anti-patterns' ? 'anti-pattern' : entity.kind === 'symptoms' ? 'symptom' : entity.kind === 'questions' ? 'question' : 'concept';
}

/** Each cycle is reported once, at the edge that closes it. */
function linkCycles(antiPatterns: readonly LoadedEntity<'anti-patterns'>[], field: 'prerequisites' | 'leadsTo', name: string): Problem[] {
  const byId = new Map(antiPatterns.map((entity) => [entity.id, entity]));
  const state = new Map<string, 'visiting' | 'done'>();
  const problems: Problem[] = [];
  const visit = (entity: LoadedEntity<'anti-patterns'>, trail: string[]) => {
    state.set(entity.id, 'visiting');
    entity.body[field].forEach((next, index) => {
      const target = byId.get(next);
      if (!target) return;
      if (state.get(next) === 'visiting') {
        const cycle = [...trail.slice(trail.indexOf(next)), entity.id, next];
        problems.push(problemAt(entity.source, [field, index], `${name} cycle: ${cycle.join(' -> ')}`));
      } else if (!state.has(next)) {
        visit(target, [...trail, entity.id]);
      }
    });
    state.set(entity.id, 'done');
  };
  for (const entity of antiPatterns) if (!state.has(entity.id)) visit(entity, []);
  return problems;
}

/**
 * A step's needs must name the anti-pattern's own prerequisites (which is what pulls them into a
 * plan), every prerequisite must be needed by some step, and `sameAs` must point at a real step of
 * another anti-pattern that is itself listed in full.
 */
function stepReferences(antiPatterns: readonly LoadedEntity<'anti-patterns'>[]): Problem[] {
  const byId = new Map(antiPatterns.map((entity) => [entity.id, entity]));
  const stepOf = (ref: string) => {
    const [antiPattern, step] = ref.split('/');
    return byId.get(antiPattern!)?.body.fix.find((candidate) => candidate.id === step);
  };
  const problems: Problem[] = [];
  for (const entity of antiPatterns) {
    const { fix, prerequisites } = entity.body;
    const needed = new Set<string>();
    fix.forEach((step, stepIndex) => {
      step.needs.forEach((need, needIndex) => {
        const path = ['fix', stepIndex, 'needs', needIndex];
        const [antiPattern, stepId] = need.split('/');
        needed.add(antiPattern!);
        if (!prerequisites.includes(antiPattern!)) {
          problems.push(problemAt(entity.source, path, `"${antiPattern}" is not one of this anti-pattern's prerequisites; add it there or drop the need`));
        } else if (stepId && byId.has(antiPattern!) && !stepOf(need)) {
          problems.push(problemAt(entity.source, path, `"${antiPattern}" has no step "${stepId}"`));
        }
      });
      if (step.sameAs) {
        const path = ['fix', stepIndex, 'sameAs'];
        const [antiPattern] = step.sameAs.split('/');
        const target = stepOf(step.sameAs);
        if (antiPattern === entity.id) problems.push(problemAt(entity.source, path, 'must point at a step of another anti-pattern'));
        else if (!byId.has(antiPattern!)) problems.push(problemAt(entity.source, path, `unknown anti-pattern "${antiPattern}"`));
        else if (!target) problems.push(problemAt(entity.source, path, `"${antiPattern}" has no step "${step.sameAs.split('/')[1]}"`));
        else if (target.sameAs) problems.push(problemAt(entity.source, path, `"${step.sameAs}" is itself the same as "${target.sameAs}"; point at that one`));
      }
    });
    prerequisites.forEach((prerequisite, index) => {
      if (!needed.has(prerequisite)) {
        problems.push(problemAt(entity.source, ['prerequisites', index], `no step needs "${prerequisite}"; name it under the needs of the steps that wait for it`));
      }
    });
  }
  return problems;
}
