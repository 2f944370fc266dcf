import { Box, Text } from 'ink';
import type { State } from '../state.js';
import { pickerRows, type PickerRow, type UiEnv } from '../selectors.js';
import { useColor } from '../color.js';
import { fitLines, truncate } from '../fit-lines.js';
import { Paragraph } from './Paragraph.js';
import { HighlightedText } from './HighlightedText.js';

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

/**
 * A window of rows around the highlight that fits `lines` terminal lines, counting the category
 * headings that some rows bring with them.
 */
function visibleWindow(rows: readonly PickerRow[], highlighted: number, lines: number, headings: boolean): [number, number] {
  const height = (position: number) => (headings && rows[position]?.category ? 2 : 1);
  let start = highlighted;
  let end = highlighted + 1;
  let used = height(highlighted);
  // Grow around the highlight, preferring rows below it, until the lines are used up.
  for (let grew = true; grew; ) {
    grew = false;
    if (end < rows.length && used + height(end) <= lines) {
      used += height(end++);
      grew = true;
    }
    if (start > 0 && used + height(start - 1) <= lines && (end - highlighted > highlighted - start || end >= rows.length)) {
      used += height(--start);
      grew = true;
    }
  }
  return [start, end];
}

/** Says why the list is what it is when that is not obvious: guesses only, or an anti-pattern's symptoms. */
function searchNotice(rows: readonly PickerRow[], browsing: boolean): string | undefined {
  if (browsing || rows.length === 0) return undefined;
  const named = rows.find((row) => row.causedBy)?.causedBy;
  if (named) return `Caused by "${named.title}" first:`;
  if (rows.every((row) => row.weak)) return 'No close match; nearest (~) shown. Tab to browse.';
  return undefined;
}

export function SymptomPicker({ state, env, columns, rows: terminalRows }: { state: State; env: UiEnv; columns: number; rows: number }) {
  const color = useColor();
  const rows = pickerRows(state, env);
  const wide = columns >= 90;
  const highlighted = Math.min(state.picker.highlighted, Math.max(0, rows.length - 1));
  const headings = state.picker.browse || state.picker.query === '';
  const detailHeight = wide ? terminalRows : 6;
  // When the search only has guesses, or the query named an anti-pattern, one line says so.
  const notice = searchNotice(rows, headings);
  const listHeight = Math.max(3, (wide ? terminalRows : terminalRows - detailHeight - 1) - 1 - (notice ? 1 : 0));
  const [start, end] = rows.length === 0 ? [0, 0] : visibleWindow(rows, highlighted, listHeight, headings);
  const current = rows[highlighted]?.symptom;
  const titleWidth = Math.max(10, (wide ? Math.floor(columns * 0.55) : columns) - 6);
  const detailWidth = (wide ? columns - Math.ceil(columns * 0.55) - 1 : columns) - 4;

  const list = (
    <Box flexDirection="column" width={wide ? '55%' : undefined} flexShrink={0}>
      <FilterLine state={state} width={wide ? Math.floor(columns * 0.55) : columns} />
      {rows.length === 0 ? <Text dimColor>No symptom matches; try other words, or Tab to browse.</Text> : null}
      {notice ? <Text dimColor>{truncate(notice, Math.max(10, (wide ? Math.floor(columns * 0.55) : columns) - 1))}</Text> : null}
      {rows.slice(start, end).map((row, offset) => {
        const position = start + offset;
        const chosen = state.symptoms.includes(row.symptom.id);
        const active = position === highlighted;
        const title = truncate(row.symptom.title, row.weak ? titleWidth - 2 : titleWidth);
        // Only the highlighted row underlines its matched words: every underlined word is one more text node
        // for Ink to lay out on each keystroke.
        return (
          <Box key={row.symptom.id} flexDirection="column">
            {row.category && headings ? (
              <Text bold color={color('cyan')}>
                {categoryNames[row.category] ?? row.category}
              </Text>
            ) : null}
            <Text color={active ? color('cyan') : undefined} bold={active}>
              {active ? '›' : ' '} {chosen ? '[x]' : '[ ]'} <HighlightedText text={title} words={active ? row.highlight : undefined} />
              {row.weak ? <Text dimColor> ~</Text> : null}
            </Text>
          </Box>
        );
      })}
    </Box>
  );

  const detail = current ? (
    <Box flexDirection="column" borderStyle="round" paddingX={1} flexGrow={1}>
      {fitLines([current.title, current.summary, ...(wide ? [current.whatYouSee] : [])], detailWidth, detailHeight - 2).shown.map((line, position) => (
        <Paragraph key={position} text={line} width={detailWidth} bold={position === 0} dimColor={position === 2} />
      ))}
    </Box>
  ) : null;

  return (
    <Box flexDirection={wide ? 'row' : 'column'} gap={1}>
      {list}
      {detail}
    </Box>
  );
}

/** One line whatever the width: a long filter shows its end, where the typing happens. */
function FilterLine({ state, width }: { state: State; width: number }) {
  const label = state.picker.browse ? (width < 50 ? 'Browse: ' : 'Browse by category: ') : 'Filter: ';
  const chosen = `  ${state.symptoms.length} chosen`;
  const room = Math.max(4, width - label.length - chosen.length - 1);
  const query = [...state.picker.query];
  const shown = query.length > room ? `…${query.slice(query.length - room + 1).join('')}` : state.picker.query;
  return (
    <Text wrap="truncate-end">
      <Text dimColor>{label}</Text>
      {state.picker.browse ? <Text dimColor>(Tab to type)</Text> : shown}
      {state.picker.browse ? null : <Text inverse={state.picker.focus === 'filter'}> </Text>}
      <Text dimColor>{chosen}</Text>
    </Text>
  );
}
