import { TextInput } from '@inkjs/ui';
import { Box, Text } from 'ink';
import { useEffect, useState, type Dispatch } from 'react';
import type { Diagnosis } from '../../engine/diagnose.js';
import { describeEvidence } from '../../report/describe-evidence.js';
import { weeksLabel } from '../../report/markdown-report.js';
import { summarize } from '../../report/summary.js';
import type { Action } from '../reducer.js';
import type { UiEnv } from '../selectors.js';
import type { State } from '../state.js';
import { useColor } from '../color.js';
import { ConfidenceBar } from './ConfidenceBar.js';
import { fitLines, truncate } from '../fit-lines.js';

type Props = {
  state: State;
  env: UiEnv;
  diagnosis: Diagnosis;
  markdown: string;
  columns: number;
  rows: number;
  renderMarkdown: (markdown: string, width: number) => Promise<string>;
  dispatch: Dispatch<Action>;
};

export function Results({ state, env, diagnosis, markdown, columns, rows, renderMarkdown, dispatch }: Props) {
  const color = useColor();
  if (state.results.preview) {
    return <Preview markdown={markdown} scroll={state.results.scroll} columns={columns} rows={rows} render={renderMarkdown} dispatch={dispatch} />;
  }
  const selected = diagnosis.ranking[state.results.selected];
  const item = selected && diagnosis.plan.items.find((candidate) => candidate.antiPattern === selected.id);
  const steps = item?.steps ?? [];
  // A cause outside the plan still shows its own fix steps, with the knowledge's relative weeks.
  const fixSteps: { label: string; title: string; actions: string[] }[] =
    steps.length > 0
      ? steps.map((step) => ({ label: weeksLabel(step), title: step.title, actions: step.actions }))
      : (selected ? env.index.antiPatterns.get(selected.id)!.fix : []).map((step) => ({ label: step.weeks, title: step.title, actions: step.actions }));
  const summary = summarize(diagnosis);
  const summaryLines = Math.ceil(summary.length / Math.max(20, columns)) + 1;
  const listSize = Math.max(1, Math.min(diagnosis.ranking.length, state.results.expanded ? 3 : rows - summaryLines));
  const start = Math.max(0, Math.min(state.results.selected - Math.floor(listSize / 2), diagnosis.ranking.length - listSize));
  const titleWidth = Math.max(10, columns - 22);
  const detailLines = selected
    ? [
        '# Why we think so',
        ...selected.evidence.map((entry) => `- ${describeEvidence(entry, env.index)}`),
        '# Fix steps',
        ...fixSteps.flatMap((step) => [`> ${step.label}: ${step.title}`, ...step.actions.map((action) => `  [ ] ${action}`)]),
      ]
    : [];

  return (
    <Box flexDirection="column" gap={1}>
      <Text>{summary}</Text>
      <Box flexDirection="column">
        {diagnosis.ranking.slice(start, start + listSize).map((cause, offset) => {
          const active = start + offset === state.results.selected;
          const title = truncate(cause.title, titleWidth);
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
      {state.results.writingNote ? (
        <Box>
          <Text>Note for the report: </Text>
          <TextInput placeholder="e.g. agreed to pilot the pipeline on the payments service" onSubmit={(text) => dispatch({ type: 'note-written', text })} />
        </Box>
      ) : null}
      {state.notes && !state.results.writingNote ? <Text dimColor>Notes: {state.notes.split('\n').length} (in the report)</Text> : null}
      {selected && state.results.expanded ? <Details lines={detailLines} columns={columns} budget={Math.max(3, rows - summaryLines - listSize - 3)} /> : null}
    </Box>
  );
}

/** Evidence and fix steps for the selected cause, cut to the rows the terminal has. */
function Details({ lines, columns, budget }: { lines: string[]; columns: number; budget: number }) {
  const color = useColor();
  const { shown, hidden } = fitLines(lines, columns - 4, budget);
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      {shown.map((line, position) =>
        line.startsWith('# ') ? (
          <Text key={position} bold>
            {line.slice(2)}
          </Text>
        ) : line.startsWith('> ') ? (
          <Text key={position} color={color('yellow')}>
            {line.slice(2)}
          </Text>
        ) : (
          <Text key={position}>{line}</Text>
        ),
      )}
      {hidden > 0 ? <Text dimColor>… {hidden} more lines: press m for the whole plan</Text> : null}
    </Box>
  );
}

type PreviewProps = { markdown: string; scroll: number; columns: number; rows: number; render: Props['renderMarkdown']; dispatch: Dispatch<Action> };

function Preview({ markdown, scroll, columns, rows, render, dispatch }: PreviewProps) {
  const [text, setText] = useState<string>();
  const height = Math.max(3, rows - 1);
  const lineCount = text === undefined ? 0 : text.split('\n').length;
  useEffect(() => {
    dispatch({ type: 'preview-measured', maxScroll: Math.max(0, lineCount - height) });
  }, [lineCount, height]);
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
