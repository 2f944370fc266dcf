import { Box, Text } from 'ink';
import { useEffect, useState, type Dispatch } from 'react';
import type { Diagnosis } from '../../engine/diagnose.js';
import { describeEvidence } from '../../report/describe-evidence.js';
import { omissionText } from '../../report/markdown-report.js';
import { summarize } from '../../report/summary.js';
import type { Action } from '../reducer.js';
import { selectedFixSteps, type UiEnv } from '../selectors.js';
import type { State } from '../state.js';
import { useColor } from '../color.js';
import { ConfidenceBar } from './ConfidenceBar.js';
import { truncate } from '../fit-lines.js';
import { listWindow } from './Interview.js';
import { Paragraph, paragraphHeight } from './Paragraph.js';
import { TextFieldView } from './TextFieldView.js';
import { FixStepsPane, stepsHeading, stepText } from './FixStepsPane.js';

export type RenderMarkdown = (markdown: string, width: number) => Promise<string>;

type Props = {
  state: State;
  env: UiEnv;
  diagnosis: Diagnosis;
  markdown: string;
  columns: number;
  rows: number;
  renderMarkdown: RenderMarkdown;
  dispatch: Dispatch<Action>;
};

type DetailLine = { text: string; marker?: string; style?: 'heading' | 'step' };

export function Results({ state, env, diagnosis, markdown, columns, rows, renderMarkdown, dispatch }: Props) {
  const color = useColor();
  if (state.results.preview) {
    return <Preview markdown={markdown} scroll={state.results.scroll} columns={columns} rows={rows} render={renderMarkdown} dispatch={dispatch} />;
  }
  const { plan } = diagnosis;
  const selected = diagnosis.ranking[state.results.selected];
  const item = selected && plan.items.find((candidate) => candidate.antiPattern === selected.id);
  const omission = selected && plan.omitted.find((candidate) => candidate.antiPattern === selected.id);
  // A cause outside the plan still shows its own fix steps, with the knowledge's relative weeks.
  const fixSteps = selectedFixSteps(state, env);
  const stepsPane = state.results.steps;
  // The steps pane is the details of one cause too, with a cursor on the steps.
  const detailsOpen = state.results.expanded || Boolean(stepsPane);
  const planLine = selected
    ? item
      ? plan.addedByTeam.includes(selected.id)
        ? 'In the fix plan because you added it (p takes it out).'
        : 'In the fix plan (m shows the whole plan).'
      : `Not in the fix plan: ${omissionText[omission?.reason ?? 'not-confident']} Press p to add it.`
    : '';
  const summary = `${summarize(diagnosis)} ${plan.items.length > 0 ? 'Press m to read the fix plan.' : ''}`.trim();
  const summaryLines = paragraphHeight(summary, columns);

  const notesPane = state.results.notes;
  // The notes box: its border and title, the notes that fit, and the field being written.
  const notesLines = notesPane ? 3 + (notesPane.draft ? 2 : 0) + Math.min(state.notes.length, Math.max(1, rows >= 20 ? 4 : 2)) : state.notes.length > 0 ? 1 : 0;
  // Everything but the list and the details has a fixed height; with details open the list keeps three rows.
  // Details are about one cause: on a short screen they take the summary's place and the list shrinks to that cause.
  const planLines = selected ? paragraphHeight(planLine, columns) + 1 : 0;
  const notesBox = notesLines > 0 ? notesLines + 1 : 0;
  // A long summary on a short screen would push the frame past the window: the list and the selected cause matter more.
  const showSummary = (!(detailsOpen || notesPane) || rows >= 20) && summaryLines + 1 + planLines + notesBox + 1 <= rows;
  const fixed = (showSummary ? summaryLines + 1 : 0) + planLines + notesBox;
  const listSize = Math.max(1, detailsOpen ? Math.min(rows >= 16 ? 3 : 1, diagnosis.ranking.length) : Math.min(diagnosis.ranking.length, rows - fixed));
  const detailBudget = detailsOpen ? Math.max(4, rows - fixed - listSize - 1) : 0;
  const [start, end] = listWindow(diagnosis.ranking.length, state.results.selected, listSize);
  const coverage = (id: string) => (plan.addedByTeam.includes(id) ? '+' : plan.items.some((candidate) => candidate.antiPattern === id) ? '✓' : ' ');
  const barWidth = columns >= 60 ? 10 : 5;
  const titleWidth = Math.max(8, columns - barWidth - 13);
  const detailLines: DetailLine[] = selected
    ? [
        { text: 'Why we think so', style: 'heading' },
        ...selected.evidence.map((entry) => ({ text: describeEvidence(entry, env.index), marker: '- ' })),
        { text: `${stepsHeading(fixSteps)} (t ticks them)`, style: 'heading' },
        ...fixSteps.flatMap((step): DetailLine[] => [{ text: stepText(step), style: 'step' }, ...step.actions.map((action) => ({ text: action, marker: step.done ? '[x] ' : '[ ] ' }))]),
      ]
    : [];

  return (
    <Box flexDirection="column" gap={1}>
      {showSummary ? <Paragraph text={summary} width={columns} /> : null}
      <Box flexDirection="column">
        {diagnosis.ranking.slice(start, end).map((cause, offset) => {
          const active = start + offset === state.results.selected;
          return (
            <Box key={cause.id} gap={1}>
              <Text color={active ? color('cyan') : undefined} bold={active}>
                {active ? '›' : ' '}
                {String(start + offset + 1).padStart(2)}.
              </Text>
              <ConfidenceBar confidence={cause.confidence} width={barWidth} />
              <Text color={active ? color('cyan') : undefined} bold={active} wrap="truncate-end">
                {coverage(cause.id)} {truncate(cause.title, titleWidth)}
              </Text>
            </Box>
          );
        })}
      </Box>
      {selected ? <Paragraph text={planLine} width={columns} dimColor /> : null}
      {notesPane ? (
        <Notes state={state} columns={columns} rows={notesLines} />
      ) : state.notes.length > 0 ? (
        <Text dimColor wrap="truncate-end">
          Notes: {state.notes.length} (n to see or change them)
        </Text>
      ) : null}
      {selected && stepsPane ? (
        <FixStepsPane steps={fixSteps} selected={stepsPane.selected} columns={columns} budget={detailBudget} />
      ) : selected && state.results.expanded ? (
        <Details lines={detailLines} columns={columns} budget={detailBudget} />
      ) : null}
    </Box>
  );
}

function Notes({ state, columns, rows }: { state: State; columns: number; rows: number }) {
  const color = useColor();
  const pane = state.results.notes!;
  const field = pane.draft ? (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">
        {pane.editing === undefined ? 'New note for the report:' : `Change note ${pane.editing + 1}:`}
      </Text>
      <TextFieldView field={pane.draft} width={columns - 4} placeholder="e.g. agreed to pilot the pipeline on the payments service" />
    </Box>
  ) : null;
  const [start, end] = listWindow(state.notes.length, pane.selected, Math.max(1, rows - 3 - (field ? 2 : 0)));
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Text bold wrap="truncate-end">
        Notes for the report ({state.notes.length})
      </Text>
      {state.notes.slice(start, end).map((note, offset) => {
        const active = !pane.draft && start + offset === pane.selected;
        return (
          <Text key={start + offset} color={active ? color('cyan') : undefined} wrap="truncate-end">
            {active ? "›" : " "} • {truncate(note.replace(/\s+/g, " "), columns - 8)}
          </Text>
        );
      })}
      {field}
    </Box>
  );
}

/** Evidence and fix steps for the selected cause, cut to the rows the terminal has. */
function Details({ lines, columns, budget }: { lines: DetailLine[]; columns: number; budget: number }) {
  const color = useColor();
  const width = columns - 4;
  const room = budget - 2;
  const shown: DetailLine[] = [];
  let used = 0;
  for (const [position, line] of lines.entries()) {
    const height = paragraphHeight(line.text, width, line.marker);
    if (used + height + (position < lines.length - 1 ? 1 : 0) > room) break;
    shown.push(line);
    used += height;
  }
  const hidden = lines.length - shown.length;
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      {shown.map((line, position) => (
        <Paragraph
          key={position}
          text={line.text}
          marker={line.marker}
          width={width}
          bold={line.style === 'heading'}
          color={line.style === 'step' ? color('yellow') : undefined}
        />
      ))}
      {hidden > 0 ? (
        <Text dimColor wrap="truncate-end">
          … {hidden} more lines (m: the whole plan)
        </Text>
      ) : null}
    </Box>
  );
}

type PreviewProps = { markdown: string; scroll: number; columns: number; rows: number; render: RenderMarkdown; dispatch: Dispatch<Action> };

type Rendered = { lines: string[]; problem?: string };

/**
 * The plan as the terminal renders Markdown. Every line is cut to the width, so the frame is
 * exactly as tall as counted and the document's first line stays on screen. When the formatter
 * cannot load, the preview says so and shows the plain Markdown.
 */
function Preview({ markdown, scroll, columns, rows, render, dispatch }: PreviewProps) {
  const [rendered, setRendered] = useState<Rendered>();
  const height = Math.max(3, rows - 1);
  const lineCount = rendered?.lines.length ?? 0;
  useEffect(() => {
    dispatch({ type: 'preview-measured', maxScroll: Math.max(0, lineCount - height) });
  }, [lineCount, height]);
  useEffect(() => {
    let live = true;
    render(markdown, Math.max(20, columns - 1)).then(
      (text) => live && setRendered({ lines: text.split('\n') }),
      (error: unknown) =>
        live &&
        setRendered({
          lines: markdown.trimEnd().split('\n').flatMap((line) => (line === '' ? [''] : wrapPlain(line, columns))),
          problem: `The formatted preview failed (${error instanceof Error ? error.message : String(error)}); this is the plain Markdown.`,
        }),
    );
    return () => {
      live = false;
    };
  }, [markdown, columns]);
  if (rendered === undefined) return <Text dimColor>Rendering the plan…</Text>;
  const body = rendered.problem ? height - 1 : height;
  const top = Math.min(scroll, Math.max(0, rendered.lines.length - body));
  return (
    <Box flexDirection="column">
      {rendered.problem ? (
        <Text color="red" wrap="truncate-end">
          {rendered.problem}
        </Text>
      ) : null}
      {rendered.lines.slice(top, top + body).map((line, position) => (
        <Text key={top + position} wrap="truncate-end">
          {line === '' ? ' ' : line}
        </Text>
      ))}
      <Text dimColor>
        lines {top + 1}-{Math.min(rendered.lines.length, top + body)} of {rendered.lines.length}
      </Text>
    </Box>
  );
}

function wrapPlain(line: string, columns: number): string[] {
  const chunks: string[] = [];
  for (let at = 0; at < line.length; at += Math.max(10, columns)) chunks.push(line.slice(at, at + Math.max(10, columns)));
  return chunks;
}
