import { Box, Text } from 'ink';
import type { RankedCause } from '../../engine/diagnosis-schema.js';
import { ConfidenceBar } from './ConfidenceBar.js';
import { truncate } from '../fit-lines.js';

/** The live ranking beside the interview: the top causes and how sure the engine is of each. */
export function CausePanel({ ranking, limit, width, grow, words = false }: { ranking: readonly RankedCause[]; limit: number; width: number; grow: boolean; words?: boolean }) {
  const titleWidth = Math.max(8, width - (words ? 22 : 18));
  // Beside the question it takes the rest of the row; below it, at most 60 columns.
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} flexGrow={grow ? 1 : 0} alignSelf="flex-start">
      <Text bold>Most likely causes</Text>
      {ranking.slice(0, limit).map((cause) => (
        <Box key={cause.id} justifyContent="space-between" gap={1}>
          <Text wrap="truncate-end">{truncate(cause.title, titleWidth)}</Text>
          <ConfidenceBar confidence={cause.confidence} width={8} words={words} />
        </Box>
      ))}
    </Box>
  );
}
