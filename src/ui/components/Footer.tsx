import { Box, Text } from 'ink';
import type { Hint } from '../key-hints.js';

/** The keys that work right now, always visible. */
export function Footer({ hints }: { hints: readonly Hint[] }) {
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
