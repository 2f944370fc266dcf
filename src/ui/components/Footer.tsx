import { Box, Text } from 'ink';
import type { State } from '../state.js';
import { keyHints } from '../key-hints.js';

/** The keys that work right now, always visible. */
export function Footer({ state, hasQuestion }: { state: State; hasQuestion: boolean }) {
  const hints = keyHints(state, hasQuestion);
  return (
    <Box flexWrap="wrap" columnGap={2}>
      {hints.map(([key, label]) => (
        <Text key={`${key}-${label}`}>
          <Text bold>{key}</Text> <Text dimColor>{label}</Text>
        </Text>
      ))}
    </Box>
  );
}
