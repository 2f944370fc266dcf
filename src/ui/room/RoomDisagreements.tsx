import { Box, Text } from 'ink';
import type { Diagnosis } from '../../engine/diagnose.js';
import { formatTally } from '../../engine/room-answers.js';
import { useColor } from '../color.js';
import { truncate } from '../fit-lines.js';
import type { UiEnv } from '../selectors.js';
import type { State } from '../state.js';

const shownAtMost = 3;

/** Whether the results screen shows the room's disagreements now (not over the preview or the notes). */
export function disagreementsShown(state: State, diagnosis: Diagnosis | undefined): boolean {
  return Boolean(state.screen === 'results' && diagnosis?.room?.disagreements.length && !state.results.preview && !state.results.notes);
}

/** Rows the results screen keeps for itself; the block shrinks to one line, or goes, to leave them. */
const resultsNeed = 10;

export type DisagreementsLayout = 'full' | 'compact' | 'none';

/** How much of the block fits when the results would otherwise have `rows` rows. */
export function disagreementsLayout(state: State, diagnosis: Diagnosis | undefined, rows: number): DisagreementsLayout {
  if (!disagreementsShown(state, diagnosis)) return 'none';
  if (rows - fullHeight(diagnosis!) >= resultsNeed) return 'full';
  return rows - 2 >= resultsNeed ? 'compact' : 'none';
}

function fullHeight(diagnosis: Diagnosis): number {
  const count = diagnosis.room!.disagreements.length;
  return 1 + 1 + Math.min(count, shownAtMost) + (count > shownAtMost ? 1 : 0);
}

/** Lines the block takes in that layout, with the gap above it. */
export function disagreementsHeight(layout: DisagreementsLayout, diagnosis: Diagnosis | undefined): number {
  return layout === 'full' ? fullHeight(diagnosis!) : layout === 'compact' ? 2 : 0;
}

/** "Where the team disagrees" under the results: each split question, its hands and what it would move. */
export function RoomDisagreements({ diagnosis, env, columns, layout }: { diagnosis: Diagnosis; env: UiEnv; columns: number; layout: DisagreementsLayout }) {
  const color = useColor();
  const split = diagnosis.room!.disagreements;
  if (layout === 'compact') {
    return (
      <Text bold color={color('yellow')} wrap="truncate-end">
        {truncate(`The room split on ${split.length === 1 ? '1 question' : `${split.length} questions`}: see the report`, columns)}
      </Text>
    );
  }
  return (
    <Box flexDirection="column">
      <Text bold color={color('yellow')}>
        Where the team disagrees
      </Text>
      {split.slice(0, shownAtMost).map((entry) => {
        const text = env.index.questions.get(entry.question)?.text ?? entry.question;
        const moves = entry.moves.map((id) => env.index.antiPatterns.get(id)?.title ?? id).join(', ');
        return (
          <Text key={entry.question} wrap="truncate-end">
            {truncate(`- ${formatTally(entry.tally)} (would move ${moves}): ${text}`, columns)}
          </Text>
        );
      })}
      {split.length > shownAtMost ? <Text dimColor>and {split.length - shownAtMost} more in the report</Text> : null}
    </Box>
  );
}
