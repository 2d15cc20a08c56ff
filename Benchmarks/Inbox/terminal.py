"""The release inbox in a pseudo-terminal, for the benchmarks that drive it."""
import fcntl
import os
import pty
import select
import struct
import termios
import time


def read_until_quiet(fd, quiet=0.05, limit=10.0, until=None):
    """Reads what the inbox writes until it has been quiet for `quiet` seconds (and
    `until` has appeared, when given); answers the bytes and the time of the last one."""
    buf = b""
    last = time.monotonic()
    start = last
    while time.monotonic() - start < limit:
        ready, _, _ = select.select([fd], [], [], quiet)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            buf += chunk
            last = time.monotonic()
        elif until is None or until in buf:
            break
    return buf, last


def launch(webcare, db, work, trace, rows=24, columns=80):
    """Starts `webcare --db DB` in a rows x columns pseudo-terminal with tracing on;
    answers (pid, fd, launch time)."""
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8", WEBCARE_TRACE=trace,
               XDG_CONFIG_HOME=work)
    launched = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        os.execve(webcare, [webcare, "--db", db], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    return pid, fd, launched


def step_costs(trace):
    """App core + render milliseconds of every j/k step in the trace file."""
    costs = []
    with open(trace) as lines:
        for line in lines:
            parts = line.split()
            if parts[0] == "key" and parts[1] in ("j", "k"):
                costs.append((int(parts[3]) + int(parts[5])) / 1000)
    return sorted(costs)


def pct(values, p):
    return values[min(len(values) - 1, int(len(values) * p))]


def peak_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM")) / 1024


def until_answered(fd, trace, key, effect):
    """Sends `key` and answers the milliseconds until the screen shows the database's
    answer: the inbox hands its reads to a worker and draws at once (the prompt closed),
    then again when the answer is in; the worker writes `effect NAME` to the trace when
    it is done, and the screen is drawn after it (within the inbox's 5 ms look)."""
    with open(trace) as traced:
        traced.read()
        sent = time.monotonic()
        os.write(fd, key)
        seen = ""
        while f"effect {effect} " not in seen and time.monotonic() - sent < 60:
            ready, _, _ = select.select([fd], [], [], 0.002)
            if ready:
                os.read(fd, 65536)
            seen += traced.read()
        _, drawn = read_until_quiet(fd, quiet=0.02, limit=5)
        return (drawn - sent) * 1000
