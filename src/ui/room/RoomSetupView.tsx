import { Box, Text } from 'ink';
import { useColor } from '../color.js';
import { Paragraph } from '../components/Paragraph.js';
import { TextFieldView } from '../components/TextFieldView.js';
import type { State } from '../state.js';

/** Facilitator mode on the welcome screen: the number of people, asked once. */
export function RoomSetupView({ state, columns }: { state: State; columns: number }) {
  const color = useColor();
  const setup = state.room!.setup!;
  const label = 'People in the room: ';
  return (
    <Box flexDirection="column" gap={1}>
      <Text bold color={color('cyan')}>Room mode{state.team.value ? ` for ${state.team.value}` : ''}</Text>
      <Paragraph width={columns} text="For each question you count a show of hands; only the counts are saved, never names. How many people are taking part? You are asked once; every count and the vote stay within it." />
      <Box>
        <Text>{label}</Text>
        <TextFieldView field={setup.people} width={Math.max(4, columns - label.length)} placeholder="e.g. 8" />
      </Box>
    </Box>
  );
}
