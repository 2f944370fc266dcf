"""Completes a whole diagnosis in the built CLI through a real pseudo-terminal, keyboard only,
following what the footer says: type a filter, Space (a word break) and Space again to choose,
Enter to continue, shrink the window mid-interview, preview the plan, export it.

Usage: diagnose-in-pty.py CLI WORKDIR STATEDIR [SCENARIO]
SCENARIO is "diagnose" (the default), "autosave-fails" (STATEDIR is a file, so saving fails),
"save-elsewhere" (saving fails, and the session is saved to another file with s), "tick" (tick the
first fix step done and quit) or "resume-ticked" (--resume that session, see the tick, export).
Prints one JSON line: {"exit": code, "visited": [...], ...} or {"error": ..., "screen": ...}.
"""
import fcntl, json, os, pty, re, select, signal, struct, sys, termios, time

cli, workdir, statedir = sys.argv[1:4]
scenario = sys.argv[4] if len(sys.argv) > 4 else 'diagnose'
env = dict(os.environ, XDG_STATE_HOME=statedir, TERM='xterm-256color', CI='false')
env.pop('NO_COLOR', None)
pid, fd = pty.fork()
if pid == 0:
    os.chdir(workdir)
    os.execvpe('node', ['node', cli, *(['--resume'] if scenario == 'resume-ticked' else [])], env)


def resize(rows, columns):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', rows, columns, 0, 0))
    os.kill(pid, signal.SIGWINCH)


fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 30, 100, 0, 0))

raw = ''
screen = ''
visited = []
facts = {}


def pump(seconds):
    global screen, raw
    end = time.time() + seconds
    while time.time() < end:
        ready, _, _ = select.select([fd], [], [], 0.02)
        if ready:
            try:
                chunk = os.read(fd, 65536).decode('utf8', 'replace')
            except OSError:
                return
            raw += chunk
            raw = raw[-20000:]
            screen += re.sub(r'\x1b\[[0-9;?]*[A-Za-z]', '', chunk)
            screen = screen[-6000:]


def wait_for(text, seconds=20):
    end = time.time() + seconds
    while time.time() < end:
        pump(0.05)
        if text in screen:
            visited.append(text)
            return True
    print(json.dumps({'error': f'never saw {text!r}', 'screen': screen[-1500:]}), flush=True)
    raise SystemExit(1)


def press(key, settle=0.12):
    global screen, raw
    screen = ''
    raw = ''
    os.write(fd, key.encode())
    pump(settle)


def finish():
    code = None
    for _ in range(50):
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            code = os.WEXITSTATUS(status)
            break
        pump(0.1)
        time.sleep(0.1)
    return code


def export_markdown_and_quit():
    """From the results: export the Markdown plan under its suggested name, then leave the app."""
    press('e', 0.4)
    wait_for('Export the Markdown plan')
    press('\r', 0.6)
    wait_for('Wrote')
    press('x', 0.4)
    press('q', 0.6)
    pump(1.0)


def diagnose():
    wait_for('Team name')
    for ch in 'Payments':
        press(ch, 0.03)
    press('\r', 0.3)
    wait_for('chosen')
    for ch in 'afraid':
        press(ch, 0.05)
    wait_for('Space next word (twice: choose)')
    press(' ')
    wait_for('Space choose')
    press(' ')
    wait_for('1 chosen')
    press('\r', 0.4)
    wait_for('Most likely causes')
    press('n', 0.3)
    # Shrink the window mid-interview: the screen is cleared, and no line of the wider frame is left.
    resize(20, 40)
    pump(0.8)
    facts['cleared_on_shrink'] = '\x1b[2J' in raw
    lines = [line for line in re.sub(r'\x1b\[[0-9;?]*[A-Za-z]', '', raw.split('\x1b[2J')[-1]).split('\n')]
    facts['widest_after_shrink'] = max((len(line.rstrip('\r')) for line in lines), default=0)
    for _ in range(30):
        pump(0.2)
        if 'Press Enter to see the results' in screen:
            break
        press('n', 0.3)
    resize(30, 100)
    pump(0.5)
    press('\r', 0.5)
    wait_for('Based on')
    press('m', 0.2)
    wait_for('lines 1-')
    pump(0.3)
    facts['preview_failed'] = 'preview failed' in screen
    facts['preview_shows_title'] = 'Deployment diagnosis for Payments' in screen
    facts['preview_raw_markdown'] = '**' in screen or '## ' in screen
    press('\x1b', 0.4)
    export_markdown_and_quit()
    facts['farewell'] = screen[-600:]
    return finish()


def start_unsaved():
    """Team and one symptom, in a state folder that cannot be written: the app says so and goes on."""
    wait_for('Team name')
    press('Ops\r', 0.3)
    wait_for('chosen')
    press('afraid', 0.2)
    press('\r', 0.6)
    wait_for('Not saved:')


def autosave_fails():
    start_unsaved()
    press('q', 0.6)
    pump(1.0)
    facts['farewell'] = screen[-2000:]
    return finish()


def save_elsewhere():
    start_unsaved()
    press('d', 0.6)
    wait_for('s save session as')
    press('s', 0.4)
    wait_for('Save the session')
    press('\r', 0.8)
    wait_for('any key back to results')
    press('x', 0.4)
    press('n', 0.4)
    press('later', 0.3)
    press('\r', 0.6)
    facts['warning_after_save_as'] = 'Not saved:' in screen
    press('\x1b', 0.3)
    press('q', 0.6)
    pump(1.0)
    facts['farewell'] = screen[-2000:]
    return finish()


def tick():
    """Straight to the results, then the footer's t and Space tick the top cause's first fix step."""
    wait_for('Team name')
    press('Payments\r', 0.3)
    wait_for('chosen')
    press('afraid', 0.2)
    press('\r', 0.6)
    wait_for('Most likely causes')
    press('d', 0.6)
    wait_for('t tick steps done')
    press('t', 0.4)
    wait_for('Space mark done')
    press(' ', 0.4)
    wait_for('Space mark not done')
    press('\x1b', 0.3)
    press('q', 0.6)
    pump(1.0)
    return finish()


def resume_ticked():
    """--resume opens the results again; the step ticked before is still ticked, and the export says so."""
    wait_for('t tick steps done')
    press('t', 0.4)
    wait_for('Space mark not done')
    facts['ticked_on_resume'] = '[x]' in screen
    press('\x1b', 0.3)
    export_markdown_and_quit()
    return finish()


try:
    scenarios = {'diagnose': diagnose, 'autosave-fails': autosave_fails, 'save-elsewhere': save_elsewhere, 'tick': tick, 'resume-ticked': resume_ticked}
    code = scenarios[scenario]()
    print(json.dumps({'exit': code, 'visited': visited, **facts}))
finally:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
