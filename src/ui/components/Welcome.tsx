import { Box, Text } from 'ink';
import type { State } from '../state.js';
import { useColor } from '../color.js';
import { count } from '../../source/count.js';
import { Paragraph } from './Paragraph.js';
import { TextFieldView } from './TextFieldView.js';
import { printable } from '../text-field.js';

const introduction =
  'Pick the deployment symptoms your team lives with, answer a few yes/no questions, and get the anti-patterns behind them ranked by evidence, with a week-by-week fix plan you can export as Markdown. Everything is saved as you go.';

export function Welcome({ state, columns }: { state: State; columns: number }) {
  const color = useColor();
  const { resumable } = state.welcome;
  const label = 'Team name (optional): ';
  return (
    <Box flexDirection="column" gap={1}>
      <Text bold color={color('cyan')}>
        deploy-doctor
      </Text>
      <Paragraph text={introduction} width={columns} />
      {state.welcome.step === 'resume' && resumable ? (
        <Paragraph
          width={columns}
          text={`An unfinished diagnosis${resumable.team ? ` for ${printable(resumable.team)}` : ''} from ${resumable.date ?? 'earlier'} is saved (${count(resumable.symptoms.length, 'symptom')}, ${count(Object.keys(resumable.answers).length, 'answer')}). Press Enter to continue it, or n to start a new one.`}
        />
      ) : (
        <Box flexDirection={columns >= label.length + 20 ? 'row' : 'column'}>
          <Text>{label}</Text>
          <TextFieldView field={state.team} width={columns >= label.length + 20 ? columns - label.length : columns} placeholder="e.g. Payments" />
        </Box>
      )}
    </Box>
  );
}
