import { Box, Text } from 'ink';
import { metricKeys } from '../../engine/session-schema.js';
import { metricLabels } from '../../report/room-text.js';
import { useColor } from '../color.js';
import { Paragraph } from '../components/Paragraph.js';
import { TextFieldView } from '../components/TextFieldView.js';
import type { State } from '../state.js';

const examples = { deploymentFrequency: 'e.g. monthly, 2 per week', leadTime: 'e.g. 3 weeks', changeFailureRate: 'e.g. 20%', recoveryTime: 'e.g. 4 hours', reworkRate: 'e.g. 10%' } as const;

/** Facilitator mode on the welcome screen: the number of people, then the optional delivery metrics. */
export function RoomSetupView({ state, columns }: { state: State; columns: number }) {
  const color = useColor();
  const setup = state.room!.setup!;
  if (setup.step === 'people') {
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
  const labelWidth = Math.max(...metricKeys.map((key) => metricLabels[key].length)) + 2;
  const wide = columns >= labelWidth + 22;
  const selectedKey = metricKeys[setup.selected]!;
  return (
    <Box flexDirection="column" gap={1}>
      <Paragraph bold color={color('cyan')} width={columns} text={`Delivery metrics today, all optional (${state.room!.people} people)`} />
      <Paragraph width={columns} text="The report places them against the published 2024 DORA clusters." />
      <Box flexDirection="column">
        {metricKeys.map((key, position) => {
          const selected = position === setup.selected;
          const label = `${selected ? '›' : ' '} ${metricLabels[key]}`;
          if (selected && wide) {
            return (
              <Box key={key}>
                <Text bold>{label.padEnd(labelWidth + 1)}</Text>
                <TextFieldView field={setup.metrics[key]} width={columns - labelWidth - 1} placeholder={examples[key]} />
              </Box>
            );
          }
          return (
            <Text key={key} bold={selected} dimColor={!selected} wrap="truncate-end">
              {wide ? `${label.padEnd(labelWidth + 1)}${setup.metrics[key].value || '-'}` : `${label}: ${setup.metrics[key].value || '-'}`}
            </Text>
          );
        })}
      </Box>
      {wide ? null : <TextFieldView field={setup.metrics[selectedKey]} width={columns} placeholder={examples[selectedKey]} />}
    </Box>
  );
}
