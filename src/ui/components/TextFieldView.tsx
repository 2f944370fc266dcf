import { Text } from 'ink';
import type { TextField } from '../text-field.js';

/**
 * A one-line field with a visible cursor. A value longer than the space shows the part around
 * the cursor, so the field never wraps and pushes the screen down.
 */
export function TextFieldView({ field, width, placeholder }: { field: TextField; width: number; placeholder?: string }) {
  const characters = [...field.value];
  if (characters.length === 0 && placeholder) {
    return (
      <Text>
        <Text inverse>{placeholder[0]}</Text>
        <Text dimColor>{placeholder.slice(1)}</Text>
      </Text>
    );
  }
  const room = Math.max(4, width - 1);
  const start = Math.max(0, Math.min(field.cursor - Math.floor(room / 2), characters.length + 1 - room));
  const shown = characters.slice(start, start + room);
  const at = field.cursor - start;
  return (
    <Text wrap="truncate-end">
      {start > 0 ? '…' : ''}
      {shown.slice(start > 0 ? 1 : 0, at).join('')}
      <Text inverse>{shown[at] ?? ' '}</Text>
      {shown.slice(at + 1).join('')}
    </Text>
  );
}
