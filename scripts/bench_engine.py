"""Engine benchmark: prints figures, asserts nothing. Run: .venv/bin/python scripts/bench_engine.py

Measures, on this machine: a full index build of the knowledge base in a fresh DATA_DIR (as a new install's
first `make run`: e5 vectors from knowledge/vectors/, unless VECTOR_CACHE_DIR points elsewhere), a no-op
refresh, cold start to first answer (a fresh `python -m bot ask` process on a built index), warm answer
latency over the dev questions, and peak memory (RSS) of the cold-start process and of this warm process.
The load average is printed before and after: on a shared machine the times say as much about the others, so
each warm answer's CPU time is printed too, split between the asking thread (reading the message, USE, keyword
and in-memory ranking, composing) and the others (e5's query embedding, in its worker), and by e5 token count;
and how many answers e5 ran for (a question USE and BM25 are sure of is ranked without it), with the latency of
each kind.
`--beside N` then measures warm answers once more while N CPU-bound processes run (a busy machine).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.advice import AdviceEngine  # noqa: E402
from bot.advice.engine import MAX_QUESTION_CHARS  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.eval.questions import load_questions, questions_dir  # noqa: E402
from bot.retrieval.index import plain  # noqa: E402
from bot.wiring import build_services  # noqa: E402
from scripts.figures import percentile  # noqa: E402


def cold_start(data_dir: Path) -> tuple[float, float]:
    """Wall time and peak RSS (MB) of a fresh process answering one question."""
    env = {**os.environ, "DATA_DIR": str(data_dir), "KNOWLEDGE_DIR": str(ROOT / "knowledge"), "LOG_LEVEL": "WARNING"}
    code = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "subprocess.run([sys.executable, '-m', 'bot', 'ask', 'combien facturer un reel ?', '--json'], "
        "check=True, stdout=subprocess.DEVNULL)\n"
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    seconds, rss = out.stdout.split()
    return float(seconds), float(rss)


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} CPUs"


@dataclass
class Warm:
    """Per answer, in milliseconds: wall time, CPU time of the asking thread, CPU time of the process's other
    threads meanwhile (e5's worker; nothing else runs in this process while it asks)."""

    wall: list[float] = field(default_factory=list)
    own_cpu: list[float] = field(default_factory=list)
    other_cpu: list[float] = field(default_factory=list)
    e5_ran: list[bool] = field(default_factory=list)


def count_e5(services: object) -> list[int]:
    """A counter of the texts e5 embeds for questions (none without e5)."""
    e5 = services.index.e5  # type: ignore[attr-defined]
    embedded = [0]
    if e5 is not None:
        embed = e5.embed_queries

        def counted(texts: list[str]) -> list[list[float]]:
            embedded[0] += len(texts)
            return embed(texts)

        e5.embed_queries = counted
    return embedded


def warm(engine: AdviceEngine, questions: list[str], rounds: int, embedded: list[int]) -> Warm:
    """Every question asked `rounds` times (the same answers each round: nothing is kept per question)."""
    timings = Warm()
    for _ in range(rounds):
        for q in questions:
            before = embedded[0]
            t, own, process = time.perf_counter(), time.thread_time(), time.process_time()
            engine.ask(q)
            wall, own, process = time.perf_counter() - t, time.thread_time() - own, time.process_time() - process
            timings.wall.append(wall * 1000)
            timings.own_cpu.append(own * 1000)
            timings.other_cpu.append(max(process - own, 0.0) * 1000)
            timings.e5_ran.append(embedded[0] > before)
    return timings


def figures(values: list[float]) -> str:
    return f"p50 {percentile(values, 50):.1f} ms, p95 {percentile(values, 95):.1f} ms"


def print_cpu(timings: Warm, tokens: list[int]) -> None:
    """CPU per answer; the answers e5 ran for and the others; e5's CPU (the other threads') by the question's
    length in e5 tokens, over the answers it ran for."""
    print(f"  CPU per answer: asking thread {figures(timings.own_cpu)}; e5's worker {figures(timings.other_cpu)}")
    for ran, name in ((True, "with e5"), (False, "without e5 (USE and BM25 sure)")):
        walls = [wall for wall, e5 in zip(timings.wall, timings.e5_ran, strict=True) if e5 is ran]
        if walls:
            print(f"  {name}: {len(walls)} answers, {figures(walls)}")
    rounds = len(timings.wall) // len(tokens)
    by_length: dict[int, list[float]] = {}
    for i, (cpu, ran) in enumerate(zip(timings.other_cpu, timings.e5_ran, strict=True)):
        if ran:
            by_length.setdefault(min(tokens[i % len(tokens)] // 16, 4), []).append(cpu)
    print(
        "  e5's CPU by question length (e5 tokens), when it ran: "
        + ", ".join(
            f"{16 * key}-{16 * key + 15 if key < 4 else ''}: {statistics.median(cpus):.1f} ms "
            f"({len(cpus) // rounds} questions)"
            for key, cpus in sorted(by_length.items())
        )
    )


def e5_tokens(services: object, questions: list[str]) -> list[int]:
    """Each question's length as e5 reads it (0 without e5)."""
    e5 = services.index.e5  # type: ignore[attr-defined]
    if e5 is None:
        return [0] * len(questions)
    model = e5.inner._encoder()
    return [model.token_count(plain(q)[:MAX_QUESTION_CHARS], True) for q in questions]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--beside", type=int, default=0, metavar="N", help="then measure warm answers again beside N busy processes"
    )
    args = parser.parse_args()
    print(f"before: {load()}")
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        settings = Settings(_env_file=None, data_dir=data_dir, knowledge_dir=ROOT / "knowledge")
        services = build_services(settings, refresh=False)
        started = time.perf_counter()
        build = services.knowledge.refresh()
        build_s = time.perf_counter() - started
        noop = [services.knowledge.refresh().seconds for _ in range(5)]
        print(
            f"index build (whole knowledge base): {build_s:.2f} s  ({len(build.added)} documents, "
            f"{services.index.count()} chunks)"
        )
        print(f"no-op refresh: median {statistics.median(noop):.3f} s, max {max(noop):.3f} s")

        colds = [cold_start(data_dir) for _ in range(3)]
        print(
            f"cold start to first answer: median {statistics.median(c[0] for c in colds):.2f} s "
            f"(runs: {', '.join(f'{c[0]:.2f}' for c in colds)})"
        )
        print(f"peak memory, cold-start process: {max(c[1] for c in colds):.0f} MB")

        questions = [q.q for q in load_questions(questions_dir(ROOT / "knowledge"))]
        for q in questions[:20]:
            services.engine.ask(q)  # warm caches
        tokens = e5_tokens(services, questions)
        embedded = count_e5(services)
        timings = warm(services.engine, questions, 3, embedded)
        print(
            f"warm answer latency over {len(timings.wall)} questions: {figures(timings.wall)}, "
            f"max {max(timings.wall):.1f} ms"
        )
        print_cpu(timings, tokens)
        answers = len(timings.wall)
        if args.beside:
            busy = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(args.beside)]
            try:
                time.sleep(2)  # long enough for the query embedding to see the machine busy
                beside = warm(services.engine, questions, 1, embedded)
                answers += len(beside.wall)
            finally:
                for process in busy:
                    process.kill()
                    process.wait()
            print(
                f"warm answer latency beside {args.beside} CPU-bound process(es), over {len(beside.wall)} questions: "
                f"{figures(beside.wall)}, max {max(beside.wall):.1f} ms"
            )
            print_cpu(beside, tokens)
        print(
            f"peak memory, this process (index build + {answers} answers): "
            f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
        )
    print(f"after: {load()}")


if __name__ == "__main__":
    main()
