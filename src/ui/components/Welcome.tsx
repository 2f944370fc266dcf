import { TextInput } from '@inkjs/ui';
import { Box, Text } from 'ink';
import type { Dispatch } from 'react';
import type { Action } from '../reducer.js';
import type { State } from '../state.js';
import { useColor } from '../color.js';
import { count } from '../../source/count.js';

export function Welcome({ state, dispatch }: { state: State; dispatch: Dispatch<Action> }) {
  const color = useColor();
  const { resumable } = state.welcome;
  return (
    <Box flexDirection="column" gap={1}>
      <Text bold color={color('cyan')}>
        deploy-doctor
      </Text>
      <Text>
        Pick the deployment symptoms your team lives with, answer a few yes/no questions, and get the anti-patterns behind
        them ranked by evidence, with a week-by-week fix plan you can export as Markdown. Everything is saved as you go.
      </Text>
      {state.welcome.step === 'resume' && resumable ? (
        <Text>
          An unfinished diagnosis{resumable.team ? ` for ${resumable.team}` : ''} from {resumable.date ?? 'earlier'} is saved (
          {count(resumable.symptoms.length, 'symptom')}, {count(Object.keys(resumable.answers).length, 'answer')}). Press Enter to continue it, or n to start a new one.
        </Text>
      ) : (
        <Box>
          <Text>Team name (optional): </Text>
          <TextInput
            defaultValue={state.team}
            placeholder="e.g. Payments"
            onChange={(value) => dispatch({ type: 'team-typed', value })}
            onSubmit={() => dispatch({ type: 'team-submitted' })}
          />
        </Box>
      )}
    </Box>
  );
}
