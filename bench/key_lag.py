"""Key lag, before vs after a change to how the app takes keys (tui/app/key_order.py), paired:
each repeat runs both trees, one after the other, in alternating order, each in its own
process on a private copy of one demo cache.

    python bench/key_lag.py --before DIR [--after DIR] [--repeats 5]

DIR is a source tree (tui/ and tests/ of the commit to measure, e.g. `git archive REV tui
tests | tar -x -C DIR`). Per run: `burst`, 50 `j` posted at once, from posting to the
cursor on row 50 (wall and the process's CPU seconds); `repeat`, 30 `j` posted 33 ms apart
(a key-repeat rate), each key's wait from posting to the cursor moving (median and worst).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]


async def _measure(config_path: Path) -> dict[str, float]:
    from textual import events

    from tui.app import NewsdeskApp
    from tui.core.config.loader import load_config
    from tui.core.desk import Desk

    config = load_config(config_path)
    with Desk.open(config) as desk:
        app = NewsdeskApp(desk, config)
        async with app.run_test(size=(120, 40)) as pilot:
            for _ in range(10):
                await pilot.pause(0.05)
            articles = app.screen.articles

            async def until(row: int) -> None:
                while articles.cursor < row:
                    await asyncio.sleep(0.0005)

            start = articles.cursor
            wall, cpu = time.perf_counter(), time.process_time()
            for _ in range(50):
                app.post_message(events.Key("j", "j"))
            await until(start + 50)
            burst_wall, burst_cpu = time.perf_counter() - wall, time.process_time() - cpu
            app.post_message(events.Key("home", None))
            while articles.cursor != 0:
                await asyncio.sleep(0.001)
            await pilot.pause(0.2)
            waits = []
            cpu = time.process_time()
            for i in range(30):
                sent = time.perf_counter()
                app.post_message(events.Key("j", "j"))
                await until(i + 1)
                waits.append(time.perf_counter() - sent)
                await asyncio.sleep(max(0.0, 0.033 - (time.perf_counter() - sent)))
            repeat_cpu = time.process_time() - cpu
    return {"burst_wall": burst_wall, "burst_cpu": burst_cpu, "repeat_cpu": repeat_cpu,
            "repeat_median": statistics.median(waits), "repeat_worst": max(waits)}


def child(root: Path, demo: Path) -> None:
    sys.path.insert(0, str(root))
    import tui

    assert Path(tui.__file__).resolve().is_relative_to(root.resolve()), tui.__file__
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(demo, Path(tmp) / "demo")
        print(json.dumps(asyncio.run(_measure(Path(tmp) / "demo" / "feeds.toml"))))


def build(demo: Path) -> None:
    sys.path.insert(0, str(HERE))
    from tests.test_app_support import demo_master

    shutil.copytree(demo_master().folder, demo)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--before", type=Path, required=True)
    parser.add_argument("--after", type=Path, default=HERE)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--build", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build:
        build(args.build)
        return
    if args.child:
        child(*args.child)
        return
    with tempfile.TemporaryDirectory() as tmp:
        demo = Path(tmp) / "demo"
        subprocess.run([sys.executable, __file__, "--before", "-", "--build", str(demo)],
                       check=True)
        runs: dict[str, list[dict[str, float]]] = {"before": [], "after": []}
        for repeat in range(args.repeats):
            order = ["before", "after"] if repeat % 2 == 0 else ["after", "before"]
            for name in order:
                root = args.before if name == "before" else args.after
                out = subprocess.run([sys.executable, __file__, "--before", str(args.before),
                                      "--child", str(root), str(demo)], check=True,
                                     capture_output=True, text=True, cwd=tmp).stdout
                runs[name].append(json.loads(out.strip().splitlines()[-1]))
        for key in runs["before"][0]:
            before = statistics.median(r[key] for r in runs["before"])
            after = statistics.median(r[key] for r in runs["after"])
            ratios = [a[key] / b[key] for a, b in zip(runs["after"], runs["before"], strict=True)]
            print(f"{key:14} before {before * 1000:8.1f} ms  after {after * 1000:8.1f} ms  "
                  f"after/before median of paired {statistics.median(ratios):.2f}")


if __name__ == "__main__":
    main()
