import { Box, Text } from 'ink';
import type { ExportState } from '../state.js';
import { useColor } from '../color.js';
import { Paragraph } from './Paragraph.js';
import { TextFieldView } from './TextFieldView.js';

const kinds = { md: 'Markdown plan', json: 'JSON report', session: 'session (an answers file you can resume or report on)' } as const;

export function ExportDialog({ exporter, columns }: { exporter: ExportState; columns: number }) {
  const color = useColor();
  const width = columns - 4;
  return (
    <Box flexDirection="column" gap={1} borderStyle="round" paddingX={1}>
      <Paragraph bold text={`${exporter.format === 'session' ? 'Save the' : 'Export the'} ${kinds[exporter.format]}`} width={width} />
      {exporter.stage === 'editing' ? (
        <Box>
          <Text>File: </Text>
          <TextFieldView field={exporter.path} width={width - 6} />
        </Box>
      ) : null}
      {exporter.stage === 'editing' && exporter.failed && exporter.message ? <Paragraph color={color('red')} text={`${exporter.message} Change the name and press Enter to try again.`} width={width} /> : null}
      {exporter.stage === 'writing' ? <Paragraph dimColor text={`Writing ${exporter.path.value}…`} width={width} /> : null}
      {exporter.stage === 'confirm-overwrite' ? <Paragraph color={color('yellow')} text={`${exporter.message} Overwrite it? (y/n)`} width={width} /> : null}
      {exporter.stage === 'done' ? <Paragraph color={color('green')} text={`Wrote ${exporter.message}`} width={width} /> : null}
    </Box>
  );
}
