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

/** Lines the block takes, with the gap above it, so the results above it can be given the rest. */
export function disagreementsHeight(state: State, diagnosis: Diagnosis | undefined): number {
  if (!disagreementsShown(state, diagnosis)) return 0;
  const count = diagnosis!.room!.disagreements.length;
  return 1 + 1 + Math.min(count, shownAtMost) + (count > shownAtMost ? 1 : 0);
}

/** "Where the team disagrees" under the results: each split question, its hands and what it would move. */
export function RoomDisagreements({ diagnosis, env, columns }: { diagnosis: Diagnosis; env: UiEnv; columns: number }) {
  const color = useColor();
  const split = diagnosis.room!.disagreements;
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
