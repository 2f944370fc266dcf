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
    const { causes, questions, related } = symptom.body;
    checkIds(symptom, 'causes', causes.map((cause) => cause.antiPattern), antiPatternIds, 'anti-pattern', (index) => ['causes', index, 'antiPattern']);
    checkIds(symptom, 'questions', questions, questionIds, 'question');
    checkIds(symptom, 'related', related, symptomIds, 'symptom');
    const mostCommon = causes.filter((cause) => cause.mostCommon).length;
    if (mostCommon !== 1) {
      problems.push(problemAt(symptom.source, ['causes'], `exactly one cause must be marked mostCommon: true (found ${mostCommon})`));
    }
    causes.forEach((cause) => reached.add(cause.antiPattern));
    questions.forEach((id) => asked.add(id));
  }

  for (const antiPattern of knowledge.antiPatterns) {
    checkIds(antiPattern, 'prerequisites', antiPattern.body.prerequisites, antiPatternIds, 'anti-pattern');
    checkIds(antiPattern, 'related', antiPattern.body.related, antiPatternIds, 'anti-pattern');
    if (!reached.has(antiPattern.id) && broken.symptoms.size === 0) {
      problems.push(problemAt(antiPattern.source, [], `no symptom lists "${antiPattern.id}" as a cause, so a diagnosis can never reach it`));
    }
  }

  for (const question of knowledge.questions) {
    for (const answer of ['yes', 'no'] as const) {
      const evidence = question.body.evidence[answer];
      checkIds(question, answer, evidence.map((item) => item.antiPattern), antiPatternIds, 'anti-pattern', (index) => ['evidence', answer, index, 'antiPattern']);
    }
    if (question.body.evidence.yes.length + question.body.evidence.no.length === 0) {
      problems.push(problemAt(question.source, ['evidence'], 'a question without evidence cannot move the ranking'));
    }
    if (!asked.has(question.id) && broken.symptoms.size === 0) {
      problems.push(problemAt(question.source, [], `no symptom uses question "${question.id}", so it would never be asked`));
    }
  }

  problems.push(...stepReferences(knowledge.antiPatterns));
  problems.push(...prerequisiteCycles(knowledge.antiPatterns));
  problems.push(...vocabularyProblems(knowledge.vocabulary));
  return problems;
}

function kindName(entity: LoadedEntity): string {
  return entity.kind === 'anti-patterns' ? 'anti-pattern' : entity.kind === 'symptoms' ? 'symptom' : entity.kind === 'questions' ? 'question' : 'concept';
}

/** Each cycle is reported once, at the edge that closes it. */
function prerequisiteCycles(antiPatterns: readonly LoadedEntity<'anti-patterns'>[]): Problem[] {
  const byId = new Map(antiPatterns.map((entity) => [entity.id, entity]));
  const state = new Map<string, 'visiting' | 'done'>();
  const problems: Problem[] = [];
  const visit = (entity: LoadedEntity<'anti-patterns'>, trail: string[]) => {
    state.set(entity.id, 'visiting');
    entity.body.prerequisites.forEach((next, index) => {
      const target = byId.get(next);
      if (!target) return;
      if (state.get(next) === 'visiting') {
        const cycle = [...trail.slice(trail.indexOf(next)), entity.id, next];
        problems.push(problemAt(entity.source, ['prerequisites', index], `prerequisite cycle: ${cycle.join(' -> ')}`));
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
