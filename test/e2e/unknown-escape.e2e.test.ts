import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { repoRoot } from '../support/bundled-knowledge.js';

const cli = join(repoRoot, 'dist/cli.js');
const work = mkdtempSync(join(tmpdir(), 'deploy-doctor-escape-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Types into the built app in a pseudo-terminal; prints what the app showed and how it ended. */
const drive = String.raw`
import fcntl, json, os, pty, select, struct, sys, termios, time
cli, state, text = sys.argv[1], sys.argv[2], sys.argv[3]
pid, fd = pty.fork()
if pid == 0:
    os.execvpe('node', ['node', cli], dict(os.environ, XDG_STATE_HOME=state, TERM='xterm-256color', CI='false'))
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 30, 100, 0, 0))
out = ''
def pump(seconds):
    global out
    end = time.time() + seconds
    while time.time() < end:
        if select.select([fd], [], [], 0.05)[0]:
            try: out += os.read(fd, 65536).decode('utf8', 'replace')
            except OSError: return
def wait_for(needle, seconds=20):
    end = time.time() + seconds
    while needle not in out and time.time() < end: pump(0.1)
wait_for('Team name')
pump(0.5)
os.write(fd, text.encode())
pump(1.0)
os.write(fd, b'\x1b')
end = time.time() + 10
status = None
while time.time() < end:
    pump(0.1)
    done, code = os.waitpid(pid, os.WNOHANG)
    if done:
        status = os.waitstatus_to_exitcode(code)
        break
print(json.dumps({'exit': status, 'screen': out}))
`;

it('pasted text with a colour code neither crashes the app nor reaches the team name raw', () => {
  expect(existsSync(cli), 'run npm run build first (npm test does)').toBe(true);
  const run = spawnSync('python3', ['-c', drive, cli, join(work, 'state'), 'Pay\u001b[31mX'], { encoding: 'utf8', timeout: 60_000 });
  const result = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as { exit: number | null; screen: string };
  expect(result.screen).not.toContain('TypeError');
  expect(result.screen).toContain('Team name (optional): PayX');
  expect(result.exit).toBe(0);
}, 90_000);
