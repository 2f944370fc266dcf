import { resolve } from 'node:path';
import { questionTests } from '../../engine/answer-effects.js';
import { nextQuestion } from '../../engine/next-question.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { loadCliKnowledge } from '../load-cli-knowledge.js';
import { knowledgeOption, parseCommandArgs } from '../parse-command-args.js';
import { readAnswers } from '../read-answers.js';

/** Stateless: a script appends each answer to the file and calls `next` again. */
export async function nextCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('next', args, { ...knowledgeOption, json: { type: 'boolean' }, all: { type: 'boolean' } });
  if (positionals.length > 1) throw new UsageError('next takes one answers file');
  const index = await loadCliKnowledge((values.knowledge ?? []).map((dir) => resolve(io.cwd, dir)), io);
  const session = await readAnswers(positionals[0], index, io);
  const step = nextQuestion(index, session, values.all ? 'all' : 'adaptive');
  const progress = { asked: step.asked, remaining: step.remaining, budget: step.budget };
  if (step.done) {
    if (values.json) io.out(`${JSON.stringify({ done: true, reason: step.reason, explanation: step.explanation, ...progress })}\n`);
    else io.out(`Done (${step.reason}): ${step.explanation}\n`);
    return 0;
  }
  const { id, text, help } = step.question;
  const tests = questionTests(step.question);
  if (values.json) {
    const question = { id, text, help, answers: ['yes', 'no', 'partly', 'unsure'], tests, gain: Math.round(step.gain * 1000) / 1000, why: step.why };
    io.out(`${JSON.stringify({ question, ...progress })}\n`);
  } else {
    io.out(`${text}\n  why: ${help}\n  what it settles: ${step.why}\n  answer with: ${id}: yes | no | partly | unsure (question ${step.asked + 1} of at most ${step.budget})\n`);
  }
  return 0;
}
