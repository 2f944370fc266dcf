import { Box, Text } from 'ink';
import { metricKeys } from '../../engine/session-schema.js';
import { metricLabels } from '../../report/room-text.js';
import { useColor } from '../color.js';
import { Paragraph } from '../components/Paragraph.js';
import { TextFieldView } from '../components/TextFieldView.js';
import type { State } from '../state.js';

const examples = { deploymentFrequency: 'e.g. monthly, 2 per week', leadTime: 'e.g. 3 weeks', changeFailureRate: 'e.g. 20%', recoveryTime: 'e.g. 4 hours', reworkRate: 'e.g. 10%' } as const;

/** The optional delivery metrics on the welcome screen, for a room or one voice. */
export function DeliveryMetricsView({ state, columns }: { state: State; columns: number }) {
  const color = useColor();
  const editor = state.metricsEditor!;
  const people = state.room ? ` (${state.room.people} people)` : '';
  const labelWidth = Math.max(...metricKeys.map((key) => metricLabels[key].length)) + 2;
  const wide = columns >= labelWidth + 22;
  const selectedKey = metricKeys[editor.selected]!;
  return (
    <Box flexDirection="column" gap={1}>
      <Paragraph bold color={color('cyan')} width={columns} text={`Delivery metrics today, all optional${people}`} />
      <Paragraph width={columns} text="The report places them against the published 2024 DORA clusters." />
      <Box flexDirection="column">
        {metricKeys.map((key, position) => {
          const selected = position === editor.selected;
          const label = `${selected ? '›' : ' '} ${metricLabels[key]}`;
          if (selected && wide) {
            return (
              <Box key={key}>
                <Text bold>{label.padEnd(labelWidth + 1)}</Text>
                <TextFieldView field={editor.fields[key]} width={columns - labelWidth - 1} placeholder={examples[key]} />
              </Box>
            );
          }
          return (
            <Text key={key} bold={selected} dimColor={!selected} wrap="truncate-end">
              {wide ? `${label.padEnd(labelWidth + 1)}${editor.fields[key].value || '-'}` : `${label}: ${editor.fields[key].value || '-'}`}
            </Text>
          );
        })}
      </Box>
      {wide ? null : <TextFieldView field={editor.fields[selectedKey]} width={columns} placeholder={examples[selectedKey]} />}
    </Box>
  );
}
