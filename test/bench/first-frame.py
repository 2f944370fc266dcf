"""Milliseconds from spawning a command in a pseudo-terminal until a marker appears on its screen.

Usage: first-frame.py MARKER -- COMMAND...   (prints one number; the command is killed afterwards)
"""
import fcntl, os, pty, select, signal, struct, sys, termios, time

def main():
    separator = sys.argv.index('--')
    marker = sys.argv[1].encode()
    command = sys.argv[separator + 1:]
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(command[0], command)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 24, 80, 0, 0))
    seen = b''
    deadline = start + 20
    elapsed = None
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.01)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                break
            if marker in seen:
                elapsed = (time.perf_counter() - start) * 1000
                break
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    if elapsed is None:
        sys.stderr.write('marker never appeared; screen was:\n' + seen.decode('utf8', 'replace')[-500:] + '\n')
        sys.exit(1)
    print(f'{elapsed:.2f}')

main()
