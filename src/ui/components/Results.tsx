import { Box, Text } from 'ink';
import { useEffect, useState } from 'react';
import type { Diagnosis } from '../../engine/diagnose.js';
import { describeEvidence } from '../../report/describe-evidence.js';
import { weeksLabel } from '../../report/markdown-report.js';
import { summarize } from '../../report/summary.js';
import type { UiEnv } from '../selectors.js';
import type { State } from '../state.js';
import { useColor } from '../color.js';
import { ConfidenceBar } from './ConfidenceBar.js';

type Props = {
  state: State;
  env: UiEnv;
  diagnosis: Diagnosis;
  markdown: string;
  columns: number;
  rows: number;
  renderMarkdown: (markdown: string, width: number) => Promise<string>;
};

export function Results({ state, env, diagnosis, markdown, columns, rows, renderMarkdown }: Props) {
  const color = useColor();
  if (state.results.preview) return <Preview markdown={markdown} scroll={state.results.scroll} columns={columns} rows={rows} render={renderMarkdown} />;
  const selected = diagnosis.ranking[state.results.selected];
  const item = selected && diagnosis.plan.items.find((candidate) => candidate.antiPattern === selected.id);
  const steps = item?.steps ?? [];
  const fixSteps = steps.length > 0 ? steps : (selected ? env.index.antiPatterns.get(selected.id)!.fix.map((step) => ({ ...step, label: step.weeks })) : []);
  const listSize = Math.max(3, Math.min(diagnosis.ranking.length, state.results.expanded ? 5 : rows - 10));
  const start = Math.max(0, Math.min(state.results.selected - Math.floor(listSize / 2), diagnosis.ranking.length - listSize));
  const titleWidth = Math.max(10, columns - 22);

  return (
    <Box flexDirection="column" gap={1}>
      <Text>{summarize(diagnosis)}</Text>
      <Box flexDirection="column">
        {diagnosis.ranking.slice(start, start + listSize).map((cause, offset) => {
          const active = start + offset === state.results.selected;
          const title = cause.title.length > titleWidth ? `${cause.title.slice(0, titleWidth - 1)}…` : cause.title;
          return (
            <Box key={cause.id} gap={1}>
              <Text color={active ? color('cyan') : undefined} bold={active}>
                {active ? '›' : ' '} {String(start + offset + 1).padStart(2)}.
              </Text>
              <ConfidenceBar confidence={cause.confidence} width={columns >= 60 ? 10 : 5} />
              <Text color={active ? color('cyan') : undefined} bold={active}>
                {title}
              </Text>
            </Box>
          );
        })}
      </Box>
      {selected && state.results.expanded ? (
        <Box flexDirection="column" borderStyle="round" paddingX={1}>
          <Text bold>Why we think so</Text>
          {selected.evidence.map((entry, position) => (
            <Text key={position}>- {describeEvidence(entry, env.index)}</Text>
          ))}
          <Text bold>Fix steps</Text>
          {fixSteps.map((step) => (
            <Box key={step.title} flexDirection="column">
              <Text color={color('yellow')}>{'from' in step ? weeksLabel(step) : step.weeks}: {step.title}</Text>
              {step.actions.map((action) => (
                <Text key={action}>  [ ] {action}</Text>
              ))}
            </Box>
          ))}
        </Box>
      ) : null}
    </Box>
  );
}

function Preview({ markdown, scroll, columns, rows, render }: { markdown: string; scroll: number; columns: number; rows: number; render: Props['renderMarkdown'] }) {
  const [text, setText] = useState<string>();
  useEffect(() => {
    let live = true;
    render(markdown, Math.max(30, columns - 2)).then(
      (rendered) => live && setText(rendered),
      () => live && setText(markdown),
    );
    return () => {
      live = false;
    };
  }, [markdown, columns]);
  if (text === undefined) return <Text dimColor>Rendering the plan…</Text>;
  const lines = text.split('\n');
  const height = Math.max(5, rows - 4);
  const top = Math.min(scroll, Math.max(0, lines.length - height));
  return (
    <Box flexDirection="column">
      <Text>{lines.slice(top, top + height).join('\n')}</Text>
      <Text dimColor>
        lines {top + 1}-{Math.min(lines.length, top + height)} of {lines.length}
      </Text>
    </Box>
  );
}
