import { Box, Text } from 'ink';
import type { FixStepRow } from '../selectors.js';
import { useColor } from '../color.js';
import { Paragraph, paragraphHeight } from './Paragraph.js';

/** How a step reads in the details and in the steps pane: its weeks, its title, shared work, done. */
export function stepText(step: FixStepRow): string {
  const shared = step.sameWorkAs ? ` (the same work as a step of ${step.sameWorkAs})` : '';
  return `${step.label}: ${step.title}${shared}${step.done ? ' (done)' : ''}`;
}

/** "Fix steps", with how many are ticked once any is. */
export function stepsHeading(steps: readonly FixStepRow[]): string {
  const done = steps.filter((step) => step.done).length;
  return done > 0 ? `Fix steps: ${done} of ${steps.length} done` : 'Fix steps';
}

type Props = { steps: readonly FixStepRow[]; selected: number; columns: number; budget: number };

/**
 * The selected cause's fix steps with a cursor, each ticked when done. As many steps as fit come
 * first, since ticking is about the list; the step under the cursor shows its actions when there
 * is room left, and the window keeps that step on screen.
 */
export function FixStepsPane({ steps, selected, columns, budget }: Props) {
  const color = useColor();
  if (steps.length === 0) return null;
  const width = columns - 4;
  const marker = (step: FixStepRow, active: boolean) => `${active ? '›' : ' '} ${step.done ? '[x]' : '[ ]'} `;
  const stepHeight = (step: FixStepRow, active: boolean) => paragraphHeight(stepText(step), width, marker(step, active));
  const actionsHeight = (step: FixStepRow) => step.actions.reduce((total, action) => total + paragraphHeight(action, width, '      - '), 0);
  const current = Math.max(0, Math.min(selected, steps.length - 1));
  // The step under the cursor, then its neighbours one each side in turn, then its actions if they still fit.
  const window = (room: number) => {
    let used = stepHeight(steps[current]!, true);
    let start = current;
    let end = current + 1;
    for (let grew = true; grew; ) {
      grew = false;
      if (start > 0 && used + stepHeight(steps[start - 1]!, false) <= room) {
        used += stepHeight(steps[--start]!, false);
        grew = true;
      }
      if (end < steps.length && used + stepHeight(steps[end]!, false) <= room) {
        used += stepHeight(steps[end++]!, false);
        grew = true;
      }
    }
    return { start, end, withActions: used + actionsHeight(steps[current]!) <= room };
  };
  // Inside the border, under the heading; a line each for "more above" and "more below" when not every step fits.
  const inner = Math.max(1, budget - 3);
  const whole = window(inner);
  const { start, end, withActions } = whole.start > 0 || whole.end < steps.length ? window(Math.max(1, inner - 2)) : whole;
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Text bold wrap="truncate-end">
        {stepsHeading(steps)}
      </Text>
      {start > 0 ? (
        <Text dimColor wrap="truncate-end">
          … {start} more above
        </Text>
      ) : null}
      {steps.slice(start, end).map((step, offset) => {
        const active = start + offset === current;
        return (
          <Box key={step.id + String(start + offset)} flexDirection="column">
            <Paragraph text={stepText(step)} marker={marker(step, active)} width={width} color={active ? color('cyan') : undefined} bold={active} />
            {active && withActions
              ? step.actions.map((action, position) => <Paragraph key={position} text={action} marker="      - " width={width} dimColor />)
              : null}
          </Box>
        );
      })}
      {end < steps.length ? (
        <Text dimColor wrap="truncate-end">
          … {steps.length - end} more below
        </Text>
      ) : null}
    </Box>
  );
}
