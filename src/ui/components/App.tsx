import { Box, Text, useApp, useInput } from 'ink';
import { useEffect, useMemo, useReducer } from 'react';
import { diagnose } from '../../engine/diagnose.js';
import { renderJsonReport } from '../../report/json-report.js';
import { renderMarkdownReport } from '../../report/markdown-report.js';
import { ColorContext } from '../color.js';
import { reduce, type Action } from '../reducer.js';
import { currentQuestion, pickerRows, planCoverage, ranking, selectedFixSteps, type UiEnv } from '../selectors.js';
import type { Services } from '../services.js';
import { splitKeys } from '../split-keys.js';
import { toSession, type State } from '../state.js';
import { useTerminalSize } from '../use-terminal-size.js';
import { ExportDialog } from './ExportDialog.js';
import { Footer } from './Footer.js';
import { footerLines, keyHints, type HintContext } from '../key-hints.js';
import { Interview } from './Interview.js';
import { Paragraph, paragraphHeight } from './Paragraph.js';
import { Results, type RenderMarkdown } from './Results.js';
import { SymptomPicker } from './SymptomPicker.js';
import { Welcome } from './Welcome.js';
import { loadTerminalMarkdown } from '../load-terminal-markdown.js';
import { RoomInterview } from '../room/RoomInterview.js';
import { RoomSetupView } from '../room/RoomSetupView.js';
import { DeliveryMetricsView } from '../room/DeliveryMetricsView.js';
import { RoomVote } from '../room/RoomVote.js';
import { disagreementsHeight, disagreementsLayout, RoomDisagreements } from '../room/RoomDisagreements.js';

type Props = {
  env: UiEnv;
  services: Services;
  initial: State;
  color: boolean;
  onExit: (code: number) => void;
  renderMarkdown?: RenderMarkdown;
};

/** marked-terminal is slow to load, so the preview loads it the first time it is opened. */
const renderMarkdownLazily: RenderMarkdown = async (markdown, width) => (await loadTerminalMarkdown()).renderMarkdownForTerminal(markdown, width);

const stepNames = { welcome: 'Welcome', picker: 'Symptoms', interview: 'Questions', results: 'Results', export: 'Export' } as const;

function hintContext(state: State, env: UiEnv): HintContext {
  if (state.screen === 'picker') {
    const rows = pickerRows(state, env);
    const highlighted = rows[Math.min(state.picker.highlighted, rows.length - 1)];
    return { hasQuestion: false, hasHighlight: Boolean(highlighted), highlightedChosen: highlighted ? state.symptoms.includes(highlighted.symptom.id) : false };
  }
  if (state.screen === 'interview') {
    const current = currentQuestion(state, env);
    return { hasQuestion: Boolean(current.question), nothingLeft: !current.question && current.step.reason === 'no-questions-left' };
  }
  if (state.screen === 'results') {
    const selected = ranking(state, env)[state.results.selected];
    const steps = state.results.steps ? selectedFixSteps(state, env) : [];
    return {
      hasQuestion: false,
      coverage: selected ? planCoverage(state, env).get(selected.id) : undefined,
      stepDone: state.results.steps ? steps[Math.min(state.results.steps.selected, steps.length - 1)]?.done : undefined,
    };
  }
  return { hasQuestion: false };
}

/** Wires the reducer to Ink: keys in, effects (autosave, export, exit) out. */
export function App({ env, services, initial, color, onExit, renderMarkdown = renderMarkdownLazily }: Props) {
  const [state, dispatch] = useReducer((current: State, action: Action) => reduce(current, action, env), initial);
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();

  // Keys that arrive in one read (held Backspace, fast typing, a paste) are applied one by one.
  useInput((input, key) => {
    for (const press of splitKeys(input, key)) dispatch({ type: 'key', ...press });
  });

  const sessionText = JSON.stringify(toSession(state) ?? null);
  const session = useMemo(() => toSession(state), [sessionText]);
  useEffect(() => {
    if (!session) return;
    const result = services.saveSession(session, state.resumed);
    dispatch({ type: 'autosaved', problem: result.ok ? undefined : result.reason });
  }, [session]);

  const diagnosis = useMemo(
    () => (session && (state.screen === 'results' || state.screen === 'export') ? diagnose(env.index, session, state.interview.mode, { clusters: env.clusters }) : undefined),
    [session, state.screen, state.interview.mode],
  );
  const markdown = useMemo(() => (diagnosis ? renderMarkdownReport(diagnosis, env.index) : ''), [diagnosis]);

  useEffect(() => {
    const exporter = state.exporter;
    if (!exporter || exporter.stage !== 'writing' || !diagnosis || !session) return;
    const path = exporter.path.value;
    const written =
      exporter.format === 'session'
        ? services.saveSessionAs(path, session, exporter.overwrite)
        : services.writeExport(path, exporter.format === 'md' ? markdown : renderJsonReport(diagnosis, env.index), exporter.overwrite);
    void written.then((result) => {
      dispatch({ type: 'export-finished', ...result });
      // Saved elsewhere after autosave failed: autosave now continues there, so try it at once.
      if (exporter.format === 'session' && result.outcome === 'written') dispatch({ type: 'autosaved', problem: undefined });
    });
  }, [state.exporter?.stage]);

  useEffect(() => {
    if (!state.exit) return;
    onExit(state.exit.code);
    exit();
  }, [state.exit]);

  const width = columns - 2;
  const hints = keyHints(state, { ...hintContext(state, env), narrow: columns < 60 });
  const room = state.room && state.room.people >= 2 ? `room of ${state.room.people}` : state.room ? 'room' : '';
  // Narrow, the step comes first so truncating a long team name never hides where you are.
  const header = (columns >= 60 ? ['deploy-doctor', state.team.value.trim(), room, stepNames[state.screen]] : [stepNames[state.screen], room, state.team.value.trim()]).filter(Boolean).join(' · ');
  const warning = state.saveProblem
    ? `Not saved: ${state.saveProblem}. Your answers are only in this window: press s on the results to save them to another file.`
    : undefined;
  const notice = state.notice;
  // Every line is counted, so the frame never grows past the window (which would push the title off the top).
  const extra = (text: string | undefined) => (text ? paragraphHeight(text, width) + 1 : 0);
  const rowsLeft = rows - 1 - 2 - 1 - extra(warning) - extra(notice) - footerLines(hints, width);
  const disagreements = disagreementsLayout(state, diagnosis, rowsLeft);
  const contentRows = Math.max(4, rowsLeft - disagreementsHeight(disagreements, diagnosis));

  return (
    <ColorContext.Provider value={color}>
      {/* No fixed widths: when the window shrinks, Ink lays out the last frame again at the new width
          before React re-renders, and a frame wider than the window would leave wrapped fragments. */}
      <Box flexDirection="column" paddingX={1} gap={1}>
        <Text dimColor wrap="truncate-end">
          {header}
        </Text>
        {state.screen === 'welcome' ? state.metricsEditor ? <DeliveryMetricsView state={state} columns={width} /> : state.room?.setup ? <RoomSetupView state={state} columns={width} /> : <Welcome state={state} columns={width} /> : null}
        {state.screen === 'picker' ? <SymptomPicker state={state} env={env} columns={width} rows={contentRows} /> : null}
        {state.screen === 'interview' ? state.room ? <RoomInterview state={state} env={env} columns={width} rows={contentRows} /> : <Interview state={state} env={env} columns={width} rows={contentRows} /> : null}
        {state.screen === 'results' && diagnosis && state.room?.voting ? <RoomVote state={state} env={env} diagnosis={diagnosis} columns={width} rows={contentRows} /> : null}
        {disagreements !== 'none' ? <RoomDisagreements diagnosis={diagnosis!} env={env} columns={width} layout={disagreements} /> : null}
        {state.screen === 'results' && diagnosis && !state.room?.voting ? (
          <Results state={state} env={env} diagnosis={diagnosis} markdown={markdown} columns={width} rows={contentRows} renderMarkdown={renderMarkdown} dispatch={dispatch} />
        ) : null}
        {state.screen === 'export' && state.exporter ? <ExportDialog exporter={state.exporter} columns={width} /> : null}
        {warning ? <Paragraph color={color ? 'red' : undefined} bold text={warning} width={width} /> : null}
        {notice ? <Paragraph color={color ? 'yellow' : undefined} text={notice} width={width} /> : null}
        <Footer hints={hints} />
      </Box>
    </ColorContext.Provider>
  );
}
