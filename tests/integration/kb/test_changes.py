"""The knowledge-base change service across processes: the bot and the command line change the same folder,
index and change log at once, and either may be killed at any step."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from bot.config import Settings
from bot.wiring import Services, build_services
from tests.cards import card_text, write_pair
from tests.conftest import ROOT


def settings_for(tmp_path: Path) -> Settings:
    return Settings(_env_file=None, data_dir=tmp_path / "data", knowledge_dir=tmp_path / "knowledge")


def child(tmp_path: Path, body: str) -> subprocess.CompletedProcess:
    """Python code run in another process with `services` built on the same folders (as `kb add` would)."""
    code = textwrap.dedent(
        f"""
        from pathlib import Path
        from bot.config import Settings
        from bot.wiring import build_services
        from tests.cards import card_text
        settings = Settings(_env_file=None, data_dir=Path({str(tmp_path / "data")!r}),
                            knowledge_dir=Path({str(tmp_path / "knowledge")!r}))
        """
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-c", code + textwrap.dedent(body)], capture_output=True, text=True, env=env, timeout=120
    )


@pytest.fixture
def services(tmp_path: Path) -> Services:
    write_pair(tmp_path / "knowledge", "fair-pay", summary="How much to charge a brand for a sponsored post.")
    return build_services(settings_for(tmp_path))


def test_forty_uploads_from_two_admins_in_two_processes_are_all_stored_logged_and_served(
    tmp_path: Path, services: Services
) -> None:
    body = """
        services = build_services(settings, refresh=False)
        for n in range(20):
            text = card_text(f"zz-cli-{n}", "en", summary=f"Quokka number {n} from the command line.")
            services.knowledge.upload(0, f"zz-cli-{n}.md", text.encode())
        print("ok")
    """
    with ThreadPoolExecutor(max_workers=3) as pool:
        remote = pool.submit(child, tmp_path, body)

        def upload(n: int) -> None:
            text = card_text(f"zz-bot-{n}", "fr", summary=f"Le wombat numéro {n} envoyé sur Telegram.")
            services.knowledge.upload(900 + n % 2, f"zz-bot-{n}.md", text.encode())  # two admins

        list(pool.map(upload, range(20)))  # raises if any upload failed
        result = remote.result()
    assert result.returncode == 0 and "ok" in result.stdout, result.stderr[-2000:]
    assert services.knowledge.log.count() == 40
    stored = {path.stem for path in (tmp_path / "knowledge").glob("*/zz-*.md")}
    assert len(stored) == 40
    # The other process's cards are served here too once the bot reloads, and findable by their words.
    services.knowledge.refresh()
    assert {card.id for card in services.kb} >= stored
    assert services.index.search("Quokka number 7 from the command line", 1)[0].card_id == "zz-cli-7"


def test_a_card_added_by_another_process_is_reported_and_found_by_the_next_reload(
    tmp_path: Path, services: Services
) -> None:
    body = """
        text = card_text("zz-xylophone", "en", summary="The xylophone zebra clause explained.")
        build_services(settings, refresh=False).knowledge.upload(0, "zz-xylophone.md", text.encode())
    """
    assert child(tmp_path, body).returncode == 0
    report = services.knowledge.refresh()
    assert report.added == ["zz-xylophone:en"]
    assert services.index.search("xylophone zebra clause", 1)[0].card_id == "zz-xylophone"


# Where the other process dies: after logging (before the file), after the file (before the index), after the
# index (before the log says done).
KILL_POINTS = {
    "logged": "changes._write = die",
    "written": "real = services.knowledge._refresh\nservices.knowledge._refresh = lambda: die()",
    "indexed": "real = services.knowledge._refresh\nservices.knowledge._refresh = lambda: (real(), die())",
}


@pytest.mark.parametrize("point", KILL_POINTS)
def test_a_change_killed_at_any_step_is_finished_by_the_next_process_and_can_be_rolled_back(
    tmp_path: Path, point: str
) -> None:
    write_pair(tmp_path / "knowledge", "fair-pay", summary="How much to charge a brand for a sponsored post.")
    body = f"""
        import os, signal
        import bot.kb.changes as changes
        services = build_services(settings)
        def die(*args):
            os.kill(os.getpid(), signal.SIGKILL)
        {KILL_POINTS[point].replace(chr(10), chr(10) + " " * 8)}
        text = card_text("zz-killed", "en", summary="The pangolin clause, uploaded just before a crash.")
        services.knowledge.upload(7, "zz-killed.md", text.encode())
    """
    result = child(tmp_path, body)
    assert result.returncode == -9, result.stderr[-2000:]
    assert (tmp_path / "knowledge" / "en" / "zz-killed.md").exists() == (point != "logged")
    services = build_services(settings_for(tmp_path))
    path = tmp_path / "knowledge" / "en" / "zz-killed.md"
    assert "pangolin clause" in path.read_text()
    assert services.knowledge.log.unfinished() == []
    assert services.index.search("pangolin clause crash", 1)[0].card_id == "zz-killed"
    undone = services.knowledge.rollback()
    assert undone is not None and [c.path for c in undone.changes] == [path] and not path.exists()
    assert services.kb.get("zz-killed", "en") is None


def test_a_rollback_killed_half_way_is_finished(tmp_path: Path, services: Services) -> None:
    text = card_text("zz-undo", "en", summary="A card to undo.")
    services.knowledge.upload(7, "zz-undo.md", text.encode())
    body = """
        import os, signal
        import bot.kb.changes as changes
        def die(path, previous):
            os.kill(os.getpid(), signal.SIGKILL)
        changes.restore = die
        build_services(settings, refresh=False).knowledge.rollback()
    """
    assert child(tmp_path, body).returncode == -9
    assert (tmp_path / "knowledge" / "en" / "zz-undo.md").exists()  # killed before the file went
    services.knowledge.refresh()
    assert not (tmp_path / "knowledge" / "en" / "zz-undo.md").exists()
    assert services.kb.get("zz-undo", "en") is None and services.knowledge.rollback() is None
