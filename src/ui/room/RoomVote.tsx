import { Box, Text } from 'ink';
import type { Diagnosis } from '../../engine/diagnose.js';
import { dotsPerPerson } from '../../engine/session-schema.js';
import { voteSentence } from '../../report/room-text.js';
import { percent } from '../../report/markdown-text.js';
import { useColor } from '../color.js';
import { truncate } from '../fit-lines.js';
import { listWindow } from '../components/Interview.js';
import { Paragraph } from '../components/Paragraph.js';
import type { UiEnv } from '../selectors.js';
import type { State } from '../state.js';
import { dotsPlaced } from './room-selectors.js';

/** The dot vote on the results screen: the ranked causes with the dots the room placed on each. */
export function RoomVote({ state, env, diagnosis, columns, rows }: { state: State; env: UiEnv; diagnosis: Diagnosis; columns: number; rows: number }) {
  const color = useColor();
  const room = state.room!;
  const limit = room.people * dotsPerPerson;
  const sentence = voteSentence(diagnosis, env.index) ?? 'No dots yet: the plan follows the ranking.';
  const [start, end] = listWindow(diagnosis.ranking.length, state.results.selected, Math.max(1, rows - 6));
  // Narrow, the dots give way so a cause keeps about 20 characters of its title.
  const dotWidth = Math.max(3, Math.min(limit, 12, columns - 14 - 20));
  return (
    <Box flexDirection="column" gap={1}>
      <Text bold>
        The vote: {dotsPlaced(room)} of {limit} dots placed ({dotsPerPerson} each for {room.people} people)
      </Text>
      <Box flexDirection="column">
        {diagnosis.ranking.slice(start, end).map((cause, offset) => {
          const position = start + offset;
          const dots = room.votes[cause.id] ?? 0;
          const selected = position === state.results.selected;
          const shown = dots > dotWidth ? `${'●'.repeat(dotWidth - 1)}+` : '●'.repeat(dots);
          return (
            <Text key={cause.id} wrap="truncate-end" bold={selected}>
              {selected ? '›' : ' '} <Text color={color('yellow')}>{shown.padEnd(dotWidth)}</Text> {String(dots).padStart(2)} {percent(cause.confidence).padStart(4)}{' '}
              {truncate(cause.title, Math.max(8, columns - dotWidth - 14))}
            </Text>
          );
        })}
      </Box>
      <Paragraph width={columns} text={sentence} />
    </Box>
  );
}
