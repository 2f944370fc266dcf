import { TextInput } from '@inkjs/ui';
import { Box, Text } from 'ink';
import type { Dispatch } from 'react';
import type { Action } from '../reducer.js';
import type { ExportState } from '../state.js';
import { useColor } from '../color.js';

export function ExportDialog({ exporter, dispatch }: { exporter: ExportState; dispatch: Dispatch<Action> }) {
  const color = useColor();
  const kind = exporter.format === 'md' ? 'Markdown plan' : 'JSON report';
  return (
    <Box flexDirection="column" gap={1} borderStyle="round" paddingX={1}>
      <Text bold>Export the {kind}</Text>
      {exporter.stage === 'editing' ? (
        <Box>
          <Text>File: </Text>
          <TextInput
            defaultValue={exporter.path}
            onChange={(value) => dispatch({ type: 'export-path-typed', value })}
            onSubmit={() => dispatch({ type: 'export-submitted' })}
          />
        </Box>
      ) : null}
      {exporter.stage === 'writing' ? <Text dimColor>Writing {exporter.path}…</Text> : null}
      {exporter.stage === 'confirm-overwrite' ? <Text color={color('yellow')}>{exporter.message} Overwrite it? (y/n)</Text> : null}
      {exporter.stage === 'done' ? <Text color={color('green')}>Wrote {exporter.message}</Text> : null}
      {exporter.stage === 'failed' ? <Text color={color('red')}>Could not write the file: {exporter.message}</Text> : null}
    </Box>
  );
}
