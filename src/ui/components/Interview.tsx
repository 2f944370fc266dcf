import { Box, Text } from 'ink';
import { answeredQuestions, currentQuestion, ranking, type UiEnv } from '../selectors.js';
import type { State } from '../state.js';
import { questionTests } from '../../engine/answer-effects.js';
import { useColor } from '../color.js';
import { CausePanel } from './CausePanel.js';
import { Paragraph } from './Paragraph.js';
import { truncate } from '../fit-lines.js';

/** The rows of a list to show so the selected one is always among them. */
export function listWindow(length: number, selected: number, height: number): [number, number] {
  const size = Math.max(1, Math.min(length, height));
  const start = Math.max(0, Math.min(selected - Math.floor(size / 2), length - size));
  return [start, start + size];
}

function progressText(state: State, remaining: number, done: boolean): string {
  const answered = Object.keys(state.answers).length;
  const all = state.interview.mode === 'all' ? ' (asking everything)' : '';
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
  const progress = current.question ? progressText(state, Math.max(0, step.remaining - 1), false) : progressText(state, step.remaining, true);

  let main;
  if (state.interview.editing) {
    const answered = answeredQuestions(state, env);
    const selected = state.interview.editing.selected;
    const height = Math.max(1, (wide ? rows : rows - 7) - 2);
    const [start, end] = listWindow(answered.length, selected, height);
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
    main = (
      <Box flexDirection="column" gap={1}>
        <Paragraph dimColor text={`Question ${answeredCount + 1}${again}: ${progress}`} width={mainWidth} />
        <Paragraph bold color={color('cyan')} text={current.question.text} width={mainWidth} />
        {state.interview.showHelp ? (
          <Box flexDirection="column">
            <Paragraph text={current.question.help} width={mainWidth} />
            <Paragraph dimColor text={`This tests: ${tests.join(', ')}.`} width={mainWidth} />
          </Box>
        ) : null}
        <Text>
          <Text bold>y</Text> yes   <Text bold>n</Text> no   <Text bold>p</Text> partly   <Text bold>u</Text> unsure
        </Text>
      </Box>
    );
  } else {
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

  return (
    <Box flexDirection={wide ? 'row' : 'column'} gap={1}>
      <Box flexDirection="column" width={wide ? '55%' : undefined} flexShrink={0}>
        {main}
      </Box>
      <CausePanel ranking={causes} limit={wide ? 6 : 3} width={panelWidth} grow={wide} />
    </Box>
  );
}
