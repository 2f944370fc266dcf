import { resolve } from 'node:path';
import { questionTests } from '../../engine/answer-effects.js';
import { nextQuestion } from '../../engine/next-question.js';
import { analyse } from '../../engine/rank-causes.js';
import { formatTally } from '../../engine/room-answers.js';
import { roomFindings, type RoomFindings } from '../../engine/room-findings.js';
import { answerWeights } from '../../engine/room-session.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { loadCliKnowledge } from '../load-cli-knowledge.js';
import { knowledgeOption, parseCommandArgs } from '../parse-command-args.js';
import { readAnswers } from '../read-answers.js';

/** Where the room stands, for a script running a retrospective: each tally and whether the room is split. */
function roomStatus(room: RoomFindings) {
  return {
    people: room.people,
    split: room.disagreements.length > 0,
    disagreements: room.disagreements.map((entry) => entry.question),
    tallies: Object.fromEntries(room.tallies.map((entry) => [entry.question, { ...entry.tally, summary: formatTally(entry.tally), split: entry.split }])),
  };
}

/** Stateless: a script appends each answer to the file and calls `next` again. */
export async function nextCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('next', args, { ...knowledgeOption, json: { type: 'boolean' }, all: { type: 'boolean' } });
  if (positionals.length > 1) throw new UsageError('next takes one answers file');
  const index = await loadCliKnowledge((values.knowledge ?? []).map((dir) => resolve(io.cwd, dir)), io);
  const session = await readAnswers(positionals[0], index, io);
  const weights = answerWeights(index, session);
  const analysis = analyse(index, session.symptoms, session.answers, weights);
  const step = nextQuestion(index, { ...session, weights }, values.all ? 'all' : 'adaptive', analysis);
  const findings = roomFindings(index, session, analysis.ranking);
  const room = findings ? { room: roomStatus(findings) } : {};
  const progress = { asked: step.asked, remaining: step.remaining, budget: step.budget };
  const splitLine = findings && findings.disagreements.length > 0 ? `The room is split on: ${findings.disagreements.map((entry) => entry.question).join(', ')}\n` : '';
  if (step.done) {
    if (values.json) io.out(`${JSON.stringify({ done: true, reason: step.reason, explanation: step.explanation, ...progress, ...room })}\n`);
    else io.out(`Done (${step.reason}): ${step.explanation}\n${splitLine}`);
    return 0;
  }
  const { id, text, help } = step.question;
  const tests = questionTests(step.question);
  if (values.json) {
    const question = { id, text, help, answers: ['yes', 'no', 'partly', 'unsure'], tests, gain: Math.round(step.gain * 1000) / 1000, why: step.why };
    io.out(`${JSON.stringify({ question, ...progress, ...room })}\n`);
  } else {
    const how = session.room
      ? `${id}: { tally: { yes: N, no: N, partly: N, unsure: N } }`
      : session.respondents
        ? `${id}: { by: { LABEL: yes | no | partly | unsure, ... } }`
        : `${id}: yes | no | partly | unsure`;
    io.out(`${text}\n  why: ${help}\n  what it settles: ${step.why}\n  answer with: ${how} (question ${step.asked + 1} of at most ${step.budget})\n${splitLine}`);
  }
  return 0;
}
