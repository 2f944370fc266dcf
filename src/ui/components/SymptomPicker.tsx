import { Box, Text } from 'ink';
import type { State } from '../state.js';
import { pickerRows, type UiEnv } from '../selectors.js';
import { useColor } from '../color.js';

const categoryNames: Record<string, string> = {
  deployment: 'Deploying',
  'release-cadence': 'Release cadence',
  approvals: 'Approvals and gates',
  quality: 'Quality',
  environments: 'Environments',
  architecture: 'Architecture',
  operations: 'Operations',
  team: 'Team and culture',
};

/** A window of rows around the highlight, so long lists fit any terminal height. */
function visibleWindow(length: number, highlighted: number, size: number): [number, number] {
  const start = Math.max(0, Math.min(highlighted - Math.floor(size / 2), length - size));
  return [start, Math.min(length, start + size)];
}

export function SymptomPicker({ state, env, columns, rows: terminalRows }: { state: State; env: UiEnv; columns: number; rows: number }) {
  const color = useColor();
  const rows = pickerRows(state, env);
  const wide = columns >= 90;
  const highlighted = Math.min(state.picker.highlighted, Math.max(0, rows.length - 1));
  const listHeight = Math.max(4, terminalRows - (wide ? 8 : 14));
  const [start, end] = visibleWindow(rows.length, highlighted, listHeight);
  const current = rows[highlighted]?.symptom;
  const titleWidth = Math.max(10, (wide ? Math.floor(columns * 0.55) : columns) - 6);

  const list = (
    <Box flexDirection="column" width={wide ? Math.floor(columns * 0.55) : undefined}>
      <Text>
        <Text dimColor>{state.picker.browse ? 'Browse by category' : 'Filter'}: </Text>
        {state.picker.browse ? <Text dimColor>(Tab to type)</Text> : <Text>{state.picker.query}<Text inverse={state.picker.focus === 'filter'}> </Text></Text>}
        <Text dimColor>  {state.symptoms.length} chosen</Text>
      </Text>
      {rows.length === 0 ? <Text dimColor>No symptom matches; try other words, or Tab to browse.</Text> : null}
      {rows.slice(start, end).map((row, offset) => {
        const position = start + offset;
        const chosen = state.symptoms.includes(row.symptom.id);
        const active = position === highlighted;
        const title = row.symptom.title.length > titleWidth ? `${row.symptom.title.slice(0, titleWidth - 1)}…` : row.symptom.title;
        return (
          <Box key={row.symptom.id} flexDirection="column">
            {row.category && (state.picker.browse || state.picker.query === '') ? (
              <Text bold color={color('cyan')}>
                {categoryNames[row.category] ?? row.category}
              </Text>
            ) : null}
            <Text color={active ? color('cyan') : undefined} bold={active}>
              {active ? '›' : ' '} {chosen ? '[x]' : '[ ]'} {title}
            </Text>
          </Box>
        );
      })}
    </Box>
  );

  const detail = current ? (
    <Box flexDirection="column" borderStyle="round" paddingX={1} width={wide ? Math.floor(columns * 0.45) - 1 : undefined}>
      <Text bold>{current.title}</Text>
      <Text>{current.summary}</Text>
      {wide || terminalRows >= 30 ? <Text dimColor>{current.whatYouSee}</Text> : null}
    </Box>
  ) : null;

  return (
    <Box flexDirection={wide ? 'row' : 'column'} gap={1}>
      {list}
      {detail}
    </Box>
  );
}
