import { Box, Text, useApp, useInput } from 'ink';
import { useEffect, useMemo, useReducer, useRef } from 'react';
import { diagnose } from '../../engine/diagnose.js';
import { renderJsonReport } from '../../report/json-report.js';
import { renderMarkdownReport } from '../../report/markdown-report.js';
import { ColorContext } from '../color.js';
import { inputFocus, reduce, type Action } from '../reducer.js';
import { currentQuestion, type UiEnv } from '../selectors.js';
import type { Services } from '../services.js';
import { toSession, type State } from '../state.js';
import { useTerminalSize } from '../use-terminal-size.js';
import { ExportDialog } from './ExportDialog.js';
import { Footer } from './Footer.js';
import { keyHints } from '../key-hints.js';
import { Interview } from './Interview.js';
import { Results } from './Results.js';
import { SymptomPicker } from './SymptomPicker.js';
import { Welcome } from './Welcome.js';

type Props = {
  env: UiEnv;
  services: Services;
  initial: State;
  color: boolean;
  onExit: (code: number) => void;
  renderMarkdown?: (markdown: string, width: number) => Promise<string>;
};

/** marked-terminal is slow to import, so the preview loads it the first time it is opened. */
const renderMarkdownLazily = async (markdown: string, width: number) => (await import('../terminal-markdown.js')).renderMarkdownForTerminal(markdown, width);

const stepNames = { welcome: 'Welcome', picker: 'Symptoms', interview: 'Questions', results: 'Results', export: 'Export' } as const;

/** Wires the reducer to Ink: keys in, effects (autosave, export, exit) out. */
export function App({ env, services, initial, color, onExit, renderMarkdown = renderMarkdownLazily }: Props) {
  const [state, dispatch] = useReducer((current: State, action: Action) => reduce(current, action, env), initial);
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  const focus = useRef(inputFocus(state));
  focus.current = inputFocus(state);

  useInput((input, key) => {
    dispatch({ type: 'key', input, key, focus: focus.current });
  });

  const session = useMemo(() => toSession(state), [state.team, state.date, state.symptoms, state.answers, state.notes]);
  useEffect(() => {
    if (session) services.saveSession(session, state.resumed);
  }, [session]);

  const diagnosis = useMemo(
    () => (session && (state.screen === 'results' || state.screen === 'export') ? diagnose(env.index, session, state.interview.mode) : undefined),
    [session, state.screen, state.interview.mode],
  );
  const markdown = useMemo(() => (diagnosis ? renderMarkdownReport(diagnosis, env.index) : ''), [diagnosis]);

  useEffect(() => {
    const exporter = state.exporter;
    if (!exporter || exporter.stage !== 'writing' || !diagnosis) return;
    const content = exporter.format === 'md' ? markdown : renderJsonReport(diagnosis, env.index);
    void services.writeExport(exporter.path, content, exporter.overwrite).then((result) => dispatch({ type: 'export-finished', ...result }));
  }, [state.exporter?.stage]);

  useEffect(() => {
    if (!state.exit) return;
    onExit(state.exit.code);
    exit();
  }, [state.exit]);

  const hasQuestion = state.screen === 'interview' && Boolean(currentQuestion(state, env).question);
  const header = [`deploy-doctor`, state.team.trim(), stepNames[state.screen]].filter(Boolean).join(' · ');
  // Screens get the rows left after the header, the footer (which wraps when narrow) and any notice.
  const footerLines = Math.ceil(keyHints(state, hasQuestion).reduce((width, [key, label]) => width + key.length + label.length + 3, 0) / Math.max(20, columns - 2));
  const contentRows = Math.max(6, rows - 3 - footerLines - (state.notice ? 2 : 0) - 1);

  return (
    <ColorContext.Provider value={color}>
      <Box flexDirection="column" width={columns} paddingX={columns >= 60 ? 1 : 0} gap={1}>
        <Text dimColor>{header}</Text>
        {state.screen === 'welcome' ? <Welcome state={state} dispatch={dispatch} /> : null}
        {state.screen === 'picker' ? <SymptomPicker state={state} env={env} columns={columns - 2} rows={contentRows} /> : null}
        {state.screen === 'interview' ? <Interview state={state} env={env} columns={columns - 2} /> : null}
        {state.screen === 'results' && diagnosis ? (
          <Results state={state} env={env} diagnosis={diagnosis} markdown={markdown} columns={columns - 2} rows={contentRows} renderMarkdown={renderMarkdown} dispatch={dispatch} />
        ) : null}
        {state.screen === 'export' && state.exporter ? <ExportDialog exporter={state.exporter} dispatch={dispatch} /> : null}
        {state.notice ? <Text color={color ? 'yellow' : undefined}>{state.notice}</Text> : null}
        <Footer state={state} hasQuestion={hasQuestion} />
      </Box>
    </ColorContext.Provider>
  );
}
