import { Box, Text } from 'ink';
import { answeredQuestions, currentQuestion, ranking, type UiEnv } from '../selectors.js';
import type { State } from '../state.js';
import { questionTests } from '../../engine/answer-effects.js';
import { useColor } from '../color.js';
import { CausePanel } from './CausePanel.js';
import { wordsUntilAnswers } from '../../engine/weights.js';

export function Interview({ state, env, columns }: { state: State; env: UiEnv; columns: number }) {
  const color = useColor();
  const current = currentQuestion(state, env);
  const causes = ranking(state, env);
  const wide = columns >= 90;
  const answeredCount = Object.keys(state.answers).length;
  const { step } = current;
  const progress = `${answeredCount} answered, up to ${step.remaining} more relevant${state.interview.mode === 'all' ? ' (asking everything)' : `, budget ${step.budget}`}`;

  let main;
  if (state.interview.editing) {
    const answered = answeredQuestions(state, env);
    main = (
      <Box flexDirection="column">
        <Text bold>Change an earlier answer</Text>
        {answered.map((question, position) => (
          <Text key={question.id} color={position === state.interview.editing!.selected ? color('cyan') : undefined}>
            {position === state.interview.editing!.selected ? '›' : ' '} {state.answers[question.id]?.padEnd(6)} {question.text}
          </Text>
        ))}
      </Box>
    );
  } else if (current.question) {
    const tests = questionTests(current.question).map((id) => env.index.antiPatterns.get(id)?.title ?? id);
    main = (
      <Box flexDirection="column" gap={1}>
        <Text dimColor>
          Question {answeredCount + 1}
          {current.revisit ? ' (asked again after going back)' : ''}: {progress}
        </Text>
        <Text bold color={color('cyan')}>
          {current.question.text}
        </Text>
        {state.interview.showHelp ? (
          <Box flexDirection="column">
            <Text>{current.question.help}</Text>
            {current.step.done || current.revisit ? null : <Text>{current.step.why}</Text>}
            <Text dimColor>This tests: {tests.join(', ')}.</Text>
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
        <Text dimColor>{progress}</Text>
        <Text bold color={color('green')}>
          {current.step.explanation}
        </Text>
        <Text>Press Enter to see the results{state.interview.mode === 'adaptive' && current.step.reason !== 'no-questions-left' ? ', or a to keep asking every relevant question' : ''}.</Text>
      </Box>
    );
  }

  return (
    <Box flexDirection={wide ? 'row' : 'column'} gap={1}>
      <Box flexDirection="column" width={wide ? Math.floor(columns * 0.55) : undefined}>
        {main}
      </Box>
      <CausePanel ranking={causes} limit={wide ? 6 : 3} width={wide ? Math.floor(columns * 0.45) - 1 : Math.min(columns, 60)} words={answeredCount < wordsUntilAnswers} />
    </Box>
  );
}
