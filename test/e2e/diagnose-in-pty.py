"""Completes a whole diagnosis in the built CLI through a real pseudo-terminal, keyboard only.

Usage: diagnose-in-pty.py CLI WORKDIR STATEDIR
Prints one JSON line: {"exit": code, "screens": [...], "log": "..."}.
"""
import fcntl, json, os, pty, re, select, signal, struct, sys, termios, time

cli, workdir, statedir = sys.argv[1:4]
env = dict(os.environ, XDG_STATE_HOME=statedir, TERM='xterm-256color', CI='false')
env.pop('NO_COLOR', None)
pid, fd = pty.fork()
if pid == 0:
    os.chdir(workdir)
    os.execvpe('node', ['node', cli], env)
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 30, 100, 0, 0))

screen = ''
visited = []

def pump(seconds):
    global screen
    end = time.time() + seconds
    while time.time() < end:
        ready, _, _ = select.select([fd], [], [], 0.02)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                return
            screen += re.sub(r'\x1b\[[0-9;?]*[A-Za-z]', '', chunk.decode('utf8', 'replace'))
            screen = screen[-6000:]

def wait_for(text, seconds=10):
    end = time.time() + seconds
    while time.time() < end:
        pump(0.05)
        if text in screen:
            visited.append(text)
            return True
    raise SystemExit(json.dumps({'error': f'never saw {text!r}', 'screen': screen[-1500:]}))

def press(key, settle=0.12):
    global screen
    screen = ''
    os.write(fd, key.encode())
    pump(settle)

try:
    wait_for('Team name')
    for ch in 'Payments':
        press(ch, 0.03)
    press('\r', 0.3)
    wait_for('chosen')
    for ch in 'afraid':
        press(ch, 0.05)
    press('\x1b[B')
    press(' ')
    press('\r', 0.4)
    wait_for('Most likely causes')
    for _ in range(30):
        pump(0.2)
        if 'Press Enter to see the results' in screen:
            break
        press('n', 0.3)
    press('\r', 0.5)
    wait_for('Based on')
    press('e', 0.4)
    wait_for('Export the Markdown plan')
    press('\r', 0.6)
    wait_for('Wrote')
    press('x', 0.4)
    press('q', 0.6)
    pump(1.0)
    code = None
    for _ in range(50):
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            code = os.WEXITSTATUS(status)
            break
        time.sleep(0.1)
    print(json.dumps({'exit': code, 'visited': visited, 'tail': screen[-800:]}))
finally:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
