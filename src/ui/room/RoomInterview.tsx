import { Box } from 'ink';
import { questionTests } from '../../engine/answer-effects.js';
import { formatTally, isSplit, splitRule } from '../../engine/room-answers.js';
import { useColor } from '../color.js';
import { CausePanel } from '../components/CausePanel.js';
import { Paragraph, paragraphHeight } from '../components/Paragraph.js';
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

  // Every line is counted, so the panel below the question never pushes the screen past the window.
  const lines: { text: string; bold?: boolean; dimColor?: boolean; color?: string }[] = [];
  if (!question) {
    lines.push({ text: current.step.explanation });
  } else {
    lines.push({ text: question.text, bold: true });
    if (state.interview.showHelp) lines.push({ text: `${question.help} Tests: ${questionTests(question).map((id) => env.index.antiPatterns.get(id)?.title ?? id).join(', ')}.`, dimColor: true });
    lines.push({ text: `Hands: ${counted > 0 ? formatTally(tally) : 'none yet'} (${counted} of ${room.people})` });
    if (isSplit(tally)) lines.push({ text: `The room is split (no answer above ${Math.round(splitRule.maxShare * 100)}%): a finding for the report.`, color: 'yellow' });
  }
  lines.push({ text: progress, dimColor: true });
  const mainHeight = lines.reduce((total, line) => total + paragraphHeight(line.text, mainWidth) + 1, -1);
  const main = (
    <Box flexDirection="column" gap={1} width={mainWidth}>
      {lines.map((line, position) => (
        <Paragraph key={position} width={mainWidth} text={line.text} bold={line.bold} dimColor={line.dimColor} color={line.color ? color(line.color) : undefined} />
      ))}
    </Box>
  );
  // The panel's border and title take 3 lines; below the question it also needs the gap.
  const panelRows = wide ? rows - 3 : rows - mainHeight - 1 - 3;
  return (
    <Box flexDirection={wide ? 'row' : 'column'} gap={1}>
      {main}
      {panelRows >= 1 ? <CausePanel ranking={causes} limit={Math.max(1, Math.min(5, panelRows))} width={panelWidth} grow={wide} /> : null}
    </Box>
  );
}
