import { Box, Text } from 'ink';
import { questionTests } from '../../engine/answer-effects.js';
import { formatTally, isSplit, splitRule } from '../../engine/room-answers.js';
import { useColor } from '../color.js';
import { CausePanel } from '../components/CausePanel.js';
import { Paragraph } from '../components/Paragraph.js';
import { currentQuestion, type UiEnv } from '../selectors.js';
import type { State } from '../state.js';
import { liveRanking, pendingTally } from './room-selectors.js';

/** A show of hands for the question the engine picked, the count so far, and the ranking as it moves. */
export function RoomInterview({ state, env, columns, rows }: { state: State; env: UiEnv; columns: number; rows: number }) {
  const color = useColor();
  const room = state.room!;
  const current = currentQuestion(state, env);
  const question = current.question;
  const causes = liveRanking(state, env, question?.id);
  const wide = columns >= 90;
  const mainWidth = wide ? Math.floor(columns * 0.55) : columns;
  const panelWidth = wide ? columns - Math.ceil(columns * 0.55) - 1 : Math.min(columns, 60);
  const tally = pendingTally(room);
  const counted = room.pending.length;
  const splits = Object.entries(room.tallies).filter(([, counts]) => isSplit(counts)).length;
  const progress = `${Object.keys(room.tallies).length} counted · ${room.people} people${splits > 0 ? ` · the room split on ${splits}` : ''}`;

  let main;
  if (!question) {
    main = (
      <Box flexDirection="column" gap={1} width={mainWidth}>
        <Paragraph width={mainWidth} text={current.step.explanation} />
        <Text dimColor>{progress}</Text>
      </Box>
    );
  } else {
    const split = isSplit(tally);
    main = (
      <Box flexDirection="column" gap={1} width={mainWidth}>
        <Paragraph width={mainWidth} bold text={question.text} />
        {state.interview.showHelp ? <Paragraph width={mainWidth} dimColor text={`${question.help} Tests: ${questionTests(question).map((id) => env.index.antiPatterns.get(id)?.title ?? id).join(', ')}.`} /> : null}
        <Box flexDirection="column">
          <Text>
            Hands: <Text bold>{counted > 0 ? formatTally(tally) : 'none yet'}</Text> ({counted} of {room.people})
          </Text>
          {split ? <Text color={color('yellow')}>The room is split (no answer above {Math.round(splitRule.maxShare * 100)}%): a finding for the report.</Text> : null}
        </Box>
        <Text dimColor>{progress}</Text>
      </Box>
    );
  }
  const panelRows = wide ? rows - 3 : Math.max(1, rows - 10);
  return (
    <Box flexDirection={wide ? 'row' : 'column'} gap={1}>
      {main}
      {panelRows >= 1 ? <CausePanel ranking={causes} limit={Math.max(1, Math.min(5, panelRows))} width={panelWidth} grow={wide} /> : null}
    </Box>
  );
}
