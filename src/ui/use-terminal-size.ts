import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

/** Clears the visible screen and puts the cursor at its top left. */
const clearScreen = '\u001B[2J\u001B[H';

/**
 * Columns and rows, updated on resize so layouts switch between wide and narrow. When the
 * window shrinks, the terminal re-wraps the old, wider frame onto more lines than Ink erases, which
 * left fragments above the title; clearing the screen before Ink redraws removes them.
 */
export function useTerminalSize(): { columns: number; rows: number } {
  const { stdout } = useStdout();
  const read = () => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    let last = read();
    // Before Ink's own resize handler, so Ink then draws on a clean screen.
    const clearWhenSmaller = () => {
      const now = read();
      if (stdout.isTTY && now.columns < last.columns) stdout.write(clearScreen);
      last = now;
    };
    const update = () => setSize(read());
    stdout.prependListener('resize', clearWhenSmaller);
    stdout.on('resize', update);
    return () => {
      stdout.off('resize', clearWhenSmaller);
      stdout.off('resize', update);
    };
  }, [stdout]);
  return size;
}
