import { Box, Text } from 'ink';
import { answeredQuestions, currentQuestion, ranking, type UiEnv } from '../selectors.js';
import type { State } from '../state.js';
import { questionTests } from '../../engine/answer-effects.js';
import { useColor } from '../color.js';
import { CausePanel } from './CausePanel.js';
import { Paragraph, paragraphHeight } from './Paragraph.js';
import { fitLines, truncate } from '../fit-lines.js';
import { percent } from '../../report/markdown-text.js';
import { wordsUntilAnswers } from '../../engine/weights.js';

/** The rows of a list to show so the selected one is always among them. */
export function listWindow(length: number, selected: number, height: number): [number, number] {
  const size = Math.max(1, Math.min(length, height));
  const start = Math.max(0, Math.min(selected - Math.floor(size / 2), length - size));
  return [start, start + size];
}

function progressText(state: State, remaining: number, done: boolean, budget: number): string {
  const answered = Object.keys(state.answers).length;
  const all = state.interview.mode === 'all' ? ' (asking everything)' : `, budget ${budget}`;
  if (done) return `${answered} answered${remaining > 0 ? `; ${remaining} more could still be asked` : ''}${all}`;
  return `${answered} answered, ${remaining > 0 ? `up to ${remaining} more after this one` : 'this is the last one'}${all}`;
}

export function Interview({ state, env, columns, rows }: { state: State; env: UiEnv; columns: number; rows: number }) {
  const color = useColor();
  const current = currentQuestion(state, env);
  const causes = ranking(state, env);
  const wide = columns >= 90;
  const mainWidth = wide ? Math.floor(columns * 0.55) : columns;
  const panelWidth = wide ? columns - Math.ceil(columns * 0.55) - 1 : Math.min(columns, 60);
  const answeredCount = Object.keys(state.answers).length;
  const { step } = current;
  // The question on screen is one of the remaining ones; the count says how many could follow it.
  const progress = current.question ? progressText(state, Math.max(0, step.remaining - 1), false, step.budget) : progressText(state, step.remaining, true, step.budget);

  let main;
  /** Lines the question side takes, so the causes below it (when narrow) get what is left. */
  let mainHeight = 0;
  if (state.interview.editing) {
    const answered = answeredQuestions(state, env);
    const selected = state.interview.editing.selected;
    const height = Math.max(1, (wide ? rows : rows - 4) - 3);
    const [start, end] = listWindow(answered.length, selected, height);
    mainHeight = end - start + 1 + (start > 0 ? 1 : 0) + (end < answered.length ? 1 : 0);
    main = (
      <Box flexDirection="column">
        <Text bold>
          Change an earlier answer ({selected + 1} of {answered.length})
        </Text>
        {start > 0 ? <Text dimColor>↑ {start} more</Text> : null}
        {answered.slice(start, end).map((question, offset) => {
          const active = start + offset === selected;
          return (
            <Text key={question.id} color={active ? color('cyan') : undefined} bold={active} wrap="truncate-end">
              {active ? '›' : ' '} {(state.answers[question.id] ?? '').padEnd(6)} {truncate(question.text, Math.max(10, mainWidth - 10))}
            </Text>
          );
        })}
        {end < answered.length ? <Text dimColor>↓ {answered.length - end} more</Text> : null}
      </Box>
    );
  } else if (current.question) {
    const tests = questionTests(current.question).map((id) => env.index.antiPatterns.get(id)?.title ?? id);
    const revisit = state.interview.revisit;
    const again = current.revisit && revisit ? ` (asked again: you had answered ${revisit.previous})` : '';
    const heading = `Question ${answeredCount + 1}${again}: ${progress}`;
    // What the answer will settle, for the engine's own choice (a question asked again has no such reason).
    const why = current.step.done || current.revisit ? [] : [current.step.why];
    const help = [current.question.help, ...why, `This tests: ${tests.join(', ')}.`];
    mainHeight = paragraphHeight(heading, mainWidth) + 1 + paragraphHeight(current.question.text, mainWidth) + 1 + 1;
    const helpShown = state.interview.showHelp ? fitLines(help, mainWidth, Math.max(2, rows - mainHeight - 1)).shown : [];
    if (helpShown.length > 0) mainHeight += 1 + helpShown.reduce((total, line) => total + paragraphHeight(line, mainWidth), 0);
    main = (
      <Box flexDirection="column" gap={1}>
        <Paragraph dimColor text={heading} width={mainWidth} />
        <Paragraph bold color={color('cyan')} text={current.question.text} width={mainWidth} />
        {helpShown.length > 0 ? (
          <Box flexDirection="column">
            {helpShown.map((line, position) => (
              <Paragraph key={position} dimColor={position === help.length - 1} text={line} width={mainWidth} />
            ))}
          </Box>
        ) : null}
        <Text>
          <Text bold>y</Text> yes   <Text bold>n</Text> no   <Text bold>p</Text> partly   <Text bold>u</Text> unsure
        </Text>
      </Box>
    );
  } else {
    mainHeight = 6;
    main = (
      <Box flexDirection="column" gap={1}>
        <Paragraph dimColor text={progress} width={mainWidth} />
        <Paragraph bold color={color('green')} text={current.step.explanation} width={mainWidth} />
        <Paragraph
          width={mainWidth}
          text={`Press Enter to see the results${state.interview.mode === 'adaptive' && current.step.reason !== 'no-questions-left' ? ', or a to keep asking every relevant question' : ''}.`}
        />
      </Box>
    );
  }

  // Below the question (narrow), the panel gets the lines left; when that is too few, one line names the top cause.
  const room = rows - mainHeight - 1;
  const top = causes[0];
  return (
    <Box flexDirection={wide ? 'row' : 'column'} gap={1}>
      <Box flexDirection="column" width={wide ? '55%' : undefined} flexShrink={0}>
        {main}
      </Box>
      {wide || room >= 4 ? (
        <CausePanel ranking={causes} limit={wide ? Math.min(6, Math.max(1, rows - 3)) : Math.min(3, room - 3)} width={panelWidth} grow={wide} words={answeredCount < wordsUntilAnswers} />
      ) : top && room >= 2 ? (
        <Text wrap="truncate-end">
          <Text dimColor>Most likely: </Text>
          {top.title} {percent(top.confidence)}
        </Text>
      ) : null}
    </Box>
  );
}
