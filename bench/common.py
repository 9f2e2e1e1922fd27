"""Shared bench helpers: timing statistics, subprocess runs with peak memory, machine facts.

Benchmarks here are scripts, not tests. The machines are shared and noisy, so every figure is
a median with its range over several repetitions, and every comparison is made side by side in
one run (the two contenders alternate inside each repetition) and reported as a ratio.
"""

from __future__ import annotations

import json
import math
import os
import platform
import re
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PYTHON = sys.executable
RESULTS = ROOT / "bench" / "results"  # git-ignored: raw profiles, JSON per bench


# -- statistics ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Stat:
    """Median and range of repeated measurements (seconds, ms or kB: the caller knows)."""

    median: float
    low: float
    high: float
    n: int

    @classmethod
    def of(cls, values: list[float]) -> Stat:
        if not values:
            return cls(float("nan"), float("nan"), float("nan"), 0)
        return cls(statistics.median(values), min(values), max(values), len(values))

    def fmt(self, unit: str = "s", digits: int = 2) -> str:
        if self.n == 0:
            return "n/a"
        if self.n == 1:
            return f"{self.median:.{digits}f} {unit}"
        return (f"{self.median:.{digits}f} {unit} "
                f"[{self.low:.{digits}f}-{self.high:.{digits}f}, n={self.n}]")


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile (no interpolation: with 40 samples p95 is a real sample)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, min(len(ordered), math.ceil(pct / 100 * len(ordered))))
    return ordered[rank - 1]


def ratio(num: float, den: float) -> float:
    return num / den if den else float("nan")


def paired_summary(ratios: dict[str, list[float]], same: bool) -> int:
    """The A/B scripts' last line: each measure's median new/base ratio over the repetitions,
    every ratio, and whether the tables came out identical (the exit status says it too)."""
    print(json.dumps({"median_ratio_new_over_base": {k: round(statistics.median(v), 3)
                                                     for k, v in ratios.items()},
                      "ratios": {k: [round(x, 3) for x in v] for k, v in ratios.items()},
                      "tables_identical": same}))
    return 0 if same else 1


def verdict(value: float, goal: float) -> str:
    if value != value:  # nan
        return "n/a"
    return "meets goal" if value <= goal else "MISSES goal"


# -- subprocess runs -------------------------------------------------------------------------
@dataclass
class RunResult:
    cmd: list[str]
    wall: float
    rc: int
    stdout: str
    stderr: str
    max_rss_kb: int  # the largest of the process and the children it waited for (wait4's
    #                  ru_maxrss is a maximum over both: a pool worker's peak counts here)
    tree_peak_kb: int  # sum over the process and its descendants, sampled every 20 ms
    cpu_s: float = 0.0  # user + system, the process and the children it waited for (pool)
    heap_peak_kb: int = 0  # the process itself: peak resident anonymous memory (RssAnon)
    file_peak_kb: int = 0  # ... and peak resident file-backed memory (RssFile: the libraries,
    #                        and the cache file when SQLite maps it), sampled every 20 ms
    own_peak_kb: int = 0  # the process itself, not its workers: peak resident set (VmHWM,
    #                       the kernel's high-water mark, read every 20 ms until it exits)
    own_cpu_s: float = 0.0  # the process itself (all its threads), not its workers: user +
    #                         system from /proc once it has exited, before it is reaped

    def check(self) -> RunResult:
        if self.rc != 0:
            raise RuntimeError(f"{' '.join(self.cmd)} exited {self.rc}:\n{self.stderr[-2000:]}")
        return self


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(b")") + 2:].split()[1])
        tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def status_kb(pid: int, field: str) -> int:
    """One "kB" line of /proc/PID/status (VmRSS, VmHWM, RssAnon, RssFile...), 0 if gone."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def rss_kb(pid: int) -> int:
    return status_kb(pid, "VmRSS")


def hwm_kb(pid: int) -> int:
    """Peak resident set of a live process (VmHWM)."""
    return status_kb(pid, "VmHWM")


def anon_kb(pid: int) -> int:
    """Resident anonymous memory: the heap, without the cache file SQLite maps (mmap_size),
    whose pages count in RSS but are the kernel's file cache, shared and reclaimable."""
    return status_kb(pid, "RssAnon")


def tree_rss_kb(root: int) -> int:
    tree = _children()
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss_kb(pid)
        todo.extend(tree.get(pid, ()))
    return total


def own_cpu_s(pid: int) -> float:
    """User + system seconds of the process `pid` itself (its threads, not its children)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run(cmd: list[str], *, env: dict[str, str] | None = None, cwd: Path | None = None,
        timeout: float = 1800.0, sample: bool = True) -> RunResult:
    """Run `cmd`, timing wall clock and recording its peak memory (own and whole tree)."""
    full_env = {**os.environ, **(env or {})}
    out_path = Path(os.environ.get("TMPDIR", "/tmp")) / f"bench-{os.getpid()}-{time.time_ns()}"
    with open(f"{out_path}.out", "w+b") as out, open(f"{out_path}.err", "w+b") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, env=full_env, cwd=cwd, stdout=out, stderr=err,
                                stdin=subprocess.DEVNULL)
        peak = heap = mapped = own = 0
        stop = threading.Event()

        def sampler() -> None:
            nonlocal peak, heap, mapped, own
            while not stop.is_set():
                own = max(own, hwm_kb(proc.pid))
                peak = max(peak, tree_rss_kb(proc.pid))
                heap = max(heap, anon_kb(proc.pid))
                mapped = max(mapped, status_kb(proc.pid, "RssFile"))
                stop.wait(0.02)

        thread = threading.Thread(target=sampler, daemon=True)
        if sample:
            thread.start()
        deadline = start + timeout
        own_cpu = 0.0
        while True:
            if os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT):
                own_cpu = own_cpu_s(proc.pid)  # exited, not reaped: /proc still has it
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.005)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        stop.set()
        if sample:
            thread.join()
        out.seek(0)
        err.seek(0)
        result = RunResult(cmd, wall, proc.returncode, out.read().decode(errors="replace"),
                           err.read().decode(errors="replace"), int(usage.ru_maxrss), peak,
                           round(usage.ru_utime + usage.ru_stime, 3), heap, mapped, own,
                           own_cpu)
    for suffix in (".out", ".err"):
        Path(f"{out_path}{suffix}").unlink(missing_ok=True)
    return result


def newsdesk_cmd(*args: str, python: str | None = None) -> list[str]:
    """`python -m tui ARGS` from the checkout (cwd ROOT): `python` (default this interpreter)
    supplies the dependencies, the checkout supplies newsdesk."""
    return [python or PYTHON, "-m", "tui", *args]


def interpreter_facts(python: str) -> dict[str, Any]:
    """What the interpreter running newsdesk brings that a user's install would not.

    A user's `pip install newsdesk` has no test extra: no click, which httpx imports (its CLI,
    with rich) whenever it is installed, ~40 ms of every fetch. And its modules come
    byte-compiled: see `compile_checkout`."""
    probe = ("import importlib.util, json, sys; print(json.dumps({'python': sys.version.split()[0], "
             "'prefix': sys.prefix, 'click_installed': importlib.util.find_spec('click') is not "
             "None}))")
    done = subprocess.run([python, "-c", probe], capture_output=True, text=True, check=True)
    facts: dict[str, Any] = json.loads(done.stdout)
    facts["user_install_like"] = not facts["click_installed"]
    return facts


def compile_checkout(python: str) -> None:
    """Byte-compile the checkout's `tui` as `pip install` does for a user. With
    PYTHONDONTWRITEBYTECODE set (as in some shells and CI) and no fresh .pyc, every run would
    compile each module it imports again: ~130 ms of an unchanged fetch here, no user's cost."""
    subprocess.run([python, "-m", "compileall", "-q", str(ROOT / "tui")], check=True,
                   stdout=subprocess.DEVNULL)


# -- machine and output ------------------------------------------------------------------------
def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _ram_gb() -> float:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return float("nan")


def machine() -> dict[str, Any]:
    load = os.getloadavg()
    return {"date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"), "nproc": os.cpu_count(),
            "cpu": _cpu_model(), "ram_gb": _ram_gb(), "python": platform.python_version(),
            "kernel": platform.release(), "loadavg_1m_at_start": round(load[0], 2)}


@dataclass
class Report:
    """What one bench script hands to run_all: rows of figures, notes, raw numbers."""

    bench: str
    params: dict[str, Any]
    rows: list[dict[str, Any]] = field(default_factory=list)
    goals: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    commands: list[str] = field(default_factory=list)

    def row(self, **values: Any) -> None:
        self.rows.append(values)
        print("  " + "  ".join(f"{k}={v}" for k, v in values.items()), flush=True)

    def goal(self, name: str, value: float, goal: float, detail: str = "") -> None:
        entry = {"name": name, "value": round(value, 4), "goal": goal,
                 "verdict": verdict(value, goal), "detail": detail}
        self.goals.append(entry)
        print(f"  GOAL {name}: {value:.3f} (goal <= {goal}) {entry['verdict']} {detail}",
              flush=True)

    def note(self, text: str) -> None:
        self.notes.append(text)
        print(f"  note: {text}", flush=True)

    def save(self, path: str | None) -> None:
        if path:
            Path(path).write_text(json.dumps(asdict(self), indent=2), encoding="utf-8")


def stat_dict(values: list[float], digits: int = 3) -> dict[str, Any]:
    s = Stat.of(values)
    return {"median": round(s.median, digits), "low": round(s.low, digits),
            "high": round(s.high, digits), "n": s.n}


# -- profiles ------------------------------------------------------------------------------------
_PROCESS = re.compile(r'^process \d+:"([^"]*)"(?:;|$)')
_PLUMBING = ("threading.py", "runpy", "<string>", "<frozen", "multiprocessing/", "concurrent/",
             "asyncio/", "selectors.py", "cli/__init__.py", "tui/__main__.py")


def summarise_pyspy(raw_path: Path, top: int = 15) -> dict[str, Any]:
    """Where the CPU went, from a `py-spy record --subprocesses --format raw` file.

    Returns the share of samples per process kind (main / pool worker), the top functions by
    self time, and the top functions by inclusive time with interpreter plumbing left out.
    """
    self_time: Counter[str] = Counter()
    inclusive: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    total = 0
    for line in raw_path.read_text(errors="replace").splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        count = int(count_text)
        kind = "main"
        while match := _PROCESS.match(stack):  # nested: parent process, then child
            command = match.group(1)
            kind = ("pool worker" if "spawn_main" in command else
                    "resource tracker" if "resource_tracker" in command else "main")
            stack = stack[match.end():]
        frames = [_short(f) for f in stack.split(";") if f]
        if not frames:
            continue
        total += count
        kinds[kind] += count
        self_time[frames[-1]] += count
        for name in set(frames):
            if not any(p in name for p in _PLUMBING):
                inclusive[name] += count
    if not total:
        return {"self": [], "inclusive": [], "processes": [], "samples": 0}

    def share(counter: Counter[str], n: int) -> list[tuple[str, float]]:
        return [(k, round(100 * c / total, 1)) for k, c in counter.most_common(n)]

    return {"processes": share(kinds, 5), "self": share(self_time, top),
            "inclusive": share(inclusive, top * 2), "samples": total}


def _short(frame: str) -> str:
    """`func (path/to/module.py:12)` -> `func (to/module.py)`: group by function, not line."""
    name, _, where = frame.partition(" (")
    path = where.rstrip(")").rsplit(":", 1)[0]
    parts = Path(path).parts
    short = "/".join(parts[-2:]) if len(parts) >= 2 else path
    return f"{name} ({short})"
