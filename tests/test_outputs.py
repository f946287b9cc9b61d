"""Outputs: nothing half-written, nothing lost, nothing surprising.

Each shared case of issue 9 is copied under tests/cases/<name>/ and run here
through the command line, as a user would. Full disks are tested twice: with
a deterministic simulation (the fsync that commits the data fails with
ENOSPC), always, and with a real, tiny tmpfs where mounting is permitted.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import stat
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import graph
from graph.cli import main
from graph.core import files
from graph.core.files import OutputError, atomic_folder, atomic_write, check_output

CASES = Path(__file__).parent / "cases"


def case(name: str, tmp_path: Path, part: str = "data") -> Path:
    """A writable copy of a case's input folder."""
    copy = tmp_path / f"{name}-{part}"
    shutil.copytree(CASES / name / part, copy)
    return copy


def run(*args: str | Path):
    result = CliRunner().invoke(main, [str(arg) for arg in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "Traceback" not in result.output
    return result


def leftovers(folder: Path) -> list[str]:
    """Temporary files or folders left in ``folder``."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".tmp", ".old")))


#: Each command that writes, as arguments before and after the output path.
COMMANDS = {
    "build": (["build"], "out.html"),
    "figure": (["figure"], "out.png"),
    "export gexf": (["export", "--format", "gexf"], "out.gexf"),
    "export csv": (["export", "--format", "csv"], "out-csv"),
    "metrics --csv": (["metrics"], "out.csv"),
}


def command(name: str, data: Path, output: Path) -> list:
    before, _ = COMMANDS[name]
    flag = "--csv" if name == "metrics --csv" else "-o"
    return [*before, data, flag, output]


# -- output-folder-missing ------------------------------------------------------------


@pytest.mark.parametrize("name", COMMANDS)
def test_output_folder_missing_is_created(name: str, tmp_path: Path) -> None:
    data = case("output-folder-missing", tmp_path)
    output = tmp_path / "missing" / "deeper" / COMMANDS[name][1]
    result = run(*command(name, data, output))
    assert result.exit_code == 0, result.output
    assert output.exists()
    if name == "export csv":
        assert graph.load(output).number_of_nodes() == 4


def test_failed_command_creates_no_folder(tmp_path: Path) -> None:
    data = case("output-folder-missing", tmp_path)
    (data / "actors.csv").write_text("id;name\n", encoding="utf-8")
    result = run("build", data, "-o", tmp_path / "missing" / "out.html")
    assert result.exit_code == 1
    assert not (tmp_path / "missing").exists()


def test_parent_that_is_a_file_is_refused(tmp_path: Path) -> None:
    data = case("output-folder-missing", tmp_path)
    (tmp_path / "note.txt").write_text("keep", encoding="utf-8")
    for name in COMMANDS:
        result = run(*command(name, data, tmp_path / "note.txt" / COMMANDS[name][1]))
        assert result.exit_code == 1
        assert result.output.strip().endswith("note.txt is a file, not a folder"), name
    assert (tmp_path / "note.txt").read_text(encoding="utf-8") == "keep"


# -- output-is-input, devices, FIFOs, folders -----------------------------------------


@pytest.mark.parametrize("name", COMMANDS)
@pytest.mark.parametrize("input", ["actors.csv", "relations.csv"])
def test_output_is_input_is_refused(name: str, input: str, tmp_path: Path) -> None:
    data = case("output-is-input", tmp_path)
    before = {p.name: p.read_bytes() for p in data.iterdir()}
    result = run(*command(name, data, data / input))
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"cannot write {data / input}: it is an input of this command"
    ]
    assert {p.name: p.read_bytes() for p in data.iterdir()} == before


def test_links_to_inputs_and_the_data_folder_are_refused(tmp_path: Path) -> None:
    data = case("output-is-input", tmp_path)
    before = (data / "actors.csv").read_bytes()
    os.link(data / "actors.csv", tmp_path / "hard.html")
    (tmp_path / "soft.html").symlink_to(data / "actors.csv")
    for output in ("hard.html", "soft.html"):
        result = run("build", data, "-o", tmp_path / output)
        assert result.exit_code == 1 and "it is an input of this command" in result.output
    result = run("export", data, "--format", "csv", "-o", data)
    assert result.exit_code == 1 and "it is an input of this command" in result.output
    assert (data / "actors.csv").read_bytes() == before
    # The bundled data is an input too when no folder is given.
    result = run("build", "-o", graph.tables.read.DATA_DIR / "actors.csv")
    assert result.exit_code == 1 and "it is an input of this command" in result.output


@pytest.mark.parametrize("name", COMMANDS)
def test_devices_fifos_and_folders_are_refused(name: str, tmp_path: Path) -> None:
    data = case("output-is-input", tmp_path)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = run(*command(name, data, "/dev/null"))
    assert result.exit_code == 1
    assert result.output.strip() == (
        f"cannot write /dev/null: it is a device, not a "
        f"{'folder' if name == 'export csv' else 'regular file'}"
    )
    result = run(*command(name, data, fifo))
    assert result.exit_code == 1 and "it is a FIFO (named pipe)" in result.output
    assert stat.S_ISFIFO(fifo.stat().st_mode) and stat.S_ISCHR(os.stat("/dev/null").st_mode)
    if name != "export csv":
        result = run(*command(name, data, tmp_path))
        assert result.exit_code == 1
        assert result.output.strip() == f"cannot write {tmp_path}: it is a folder; give a file name"


def test_the_library_refuses_devices_too(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="it is a device"):
        graph.write_html(graph.load(), "/dev/null")
    with pytest.raises(OutputError, match="it is a folder"):
        graph.export_as(graph.load(), tmp_path, "gexf")


# -- csv-export-onto-file --------------------------------------------------------------


def test_csv_export_onto_a_file_is_refused(tmp_path: Path) -> None:
    data = case("csv-export-onto-file", tmp_path)
    target = tmp_path / "target.txt"
    shutil.copy(CASES / "csv-export-onto-file" / "target.txt", target)
    result = run("export", data, "--format", "csv", "-o", target)
    assert result.exit_code == 1
    assert result.output.strip() == f"cannot write {target}: it is a file, not a folder"
    assert target.read_bytes() == (CASES / "csv-export-onto-file" / "target.txt").read_bytes()


def test_csv_export_onto_a_folder_without_dataset_is_refused(tmp_path: Path) -> None:
    data = case("csv-export-onto-file", tmp_path)
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "letter.txt").write_text("mine", encoding="utf-8")
    result = run("export", data, "--format", "csv", "-o", tmp_path / "documents")
    assert result.exit_code == 1 and "not empty and holds no dataset" in result.output
    assert [p.name for p in (tmp_path / "documents").iterdir()] == ["letter.txt"]


# -- disk-full, read-only, permission denied ------------------------------------------


@pytest.mark.parametrize("name", COMMANDS)
def test_disk_full_simulated(name: str, tmp_path: Path, monkeypatch) -> None:
    data = case("disk-full", tmp_path)
    output = tmp_path / "disk" / COMMANDS[name][1]
    assert run(*command(name, data, output)).exit_code == 0
    before = {p: p.read_bytes() for p in sorted(output.parent.rglob("*")) if p.is_file()}

    def fsync(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files.os, "fsync", fsync)
    result = run(*command(name, data, output))
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == f"no space left on device writing {output}"
    if name != "metrics --csv":  # metrics prints its table before writing the file
        assert result.output.splitlines() == [f"no space left on device writing {output}"]
    assert {p: p.read_bytes() for p in sorted(output.parent.rglob("*")) if p.is_file()} == before
    assert leftovers(output.parent) == []


def test_permission_denied_and_read_only_simulated(tmp_path: Path, monkeypatch) -> None:
    data = case("disk-full", tmp_path)
    output = tmp_path / "out.html"
    output.write_text("previous", encoding="utf-8")
    real_open = os.open
    for code, words in ((errno.EACCES, "permission denied"), (errno.EROFS, "read-only file")):

        def refusing_open(path, flags, mode=0o777, *, code=code, **kwargs):
            if str(path).endswith(".tmp"):
                raise OSError(code, os.strerror(code))
            return real_open(path, flags, mode, **kwargs)

        monkeypatch.setattr(files.os, "open", refusing_open)
        result = run("build", data, "-o", output)
        assert result.exit_code == 1
        assert result.output.strip().startswith(words)
        assert result.output.strip().endswith(f" writing {output}")
    assert output.read_text(encoding="utf-8") == "previous"
    assert leftovers(tmp_path) == []


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator:
    """Mount a real tmpfs of a given size (skip where not permitted); unmounted afterwards."""
    mounted_disks = []

    def mount(size: str) -> Path:
        if shutil.which("mount") is None:
            pytest.skip("no mount command here to make a small filesystem")
        disk = tmp_path / "disk"
        disk.mkdir()
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(disk)],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            pytest.skip(f"mounting a tmpfs is not permitted here: {done.stderr.strip()}")
        mounted_disks.append(disk)
        return disk

    yield mount
    for disk in mounted_disks:
        subprocess.run(["umount", str(disk)], check=True)


def test_disk_full_on_a_real_tmpfs(tiny_disk, tmp_path: Path) -> None:
    disk = tiny_disk("1100k")
    data = case("disk-full", tmp_path)
    output = disk / "out.html"
    assert run("build", data, "-o", output, "--title", "old").exit_code == 0
    before = output.read_bytes()
    result = run("build", data, "-o", output, "--title", "new" * 40_000)
    assert result.exit_code == 1
    assert result.output.splitlines() == [f"no space left on device writing {output}"]
    assert output.read_bytes() == before and leftovers(disk) == []
    # A read-only filesystem: the same kind of line.
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
    result = run("build", data, "-o", output, "--title", "newer")
    assert result.output.splitlines() == [f"read-only file system writing {output}"]
    assert output.read_bytes() == before


# -- csv-export-half-replaced ---------------------------------------------------------


def test_csv_export_replaces_the_whole_folder(tmp_path: Path) -> None:
    old, new = (
        case("csv-export-half-replaced", tmp_path, "old"),
        case("csv-export-half-replaced", tmp_path, "new"),
    )
    target = tmp_path / "ds"
    assert run("export", old, "--format", "csv", "-o", target).exit_code == 0
    (target / "datapackage.json").write_text('{"title": "kept"}', encoding="utf-8")
    (target / "notes").mkdir()
    (target / "notes" / "why.txt").write_text("kept too", encoding="utf-8")
    target.chmod(0o750)
    assert run("export", new, "--format", "csv", "-o", target).exit_code == 0
    G = graph.load(target)
    assert sorted(G) == ["xray", "yank"] and G.graph["title"] == "kept"
    assert (target / "notes" / "why.txt").read_text(encoding="utf-8") == "kept too"
    assert stat.S_IMODE(target.stat().st_mode) == 0o750
    assert leftovers(tmp_path) == []


def test_csv_export_half_replaced_simulated(tmp_path: Path, monkeypatch) -> None:
    old, new = (
        case("csv-export-half-replaced", tmp_path, "old"),
        case("csv-export-half-replaced", tmp_path, "new"),
    )
    target = tmp_path / "ds"
    assert run("export", old, "--format", "csv", "-o", target).exit_code == 0
    before = {p.name: p.read_bytes() for p in target.iterdir()}
    real_fsync, calls = os.fsync, []

    def fsync(descriptor: int) -> None:
        if stat.S_ISREG(os.fstat(descriptor).st_mode):
            calls.append(descriptor)
        if len(calls) == 2:  # actors.csv is written; relations.csv hits the full disk
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(descriptor)

    monkeypatch.setattr(files.os, "fsync", fsync)
    result = run("export", new, "--format", "csv", "-o", target)
    assert result.exit_code == 1
    assert result.output.splitlines() == [f"no space left on device writing {target}"]
    assert {p.name: p.read_bytes() for p in target.iterdir()} == before
    assert graph.load(target).number_of_nodes() == 4
    assert leftovers(tmp_path) == []


def test_csv_export_half_replaced_on_a_real_tmpfs(tiny_disk, tmp_path: Path) -> None:
    disk = tiny_disk("200k")
    old, new = (
        case("csv-export-half-replaced", tmp_path, "old"),
        case("csv-export-half-replaced", tmp_path, "new"),
    )
    target = disk / "ds"
    assert run("export", old, "--format", "csv", "-o", target).exit_code == 0
    before = {p.name: p.read_bytes() for p in target.iterdir()}
    result = run("export", new, "--format", "csv", "-o", target)
    assert result.output.splitlines() == [f"no space left on device writing {target}"]
    assert {p.name: p.read_bytes() for p in target.iterdir()} == before
    assert run("validate", target).exit_code == 0
    assert leftovers(disk) == []


def test_folder_swap_without_renameat2(tmp_path: Path, monkeypatch) -> None:
    """Where the system cannot exchange two paths, two renames do, and a failure undoes them."""
    monkeypatch.setattr(files, "_exchange", lambda first, second: False)
    target = tmp_path / "ds"
    with atomic_folder(target) as folder:
        (folder / "actors.csv").write_text("old", encoding="utf-8")
    with atomic_folder(target, replaced=["actors.csv"]) as folder:
        (folder / "actors.csv").write_text("new", encoding="utf-8")
    assert (target / "actors.csv").read_text(encoding="utf-8") == "new"
    real_rename, renames = os.rename, []

    def failing_rename(source, destination):
        renames.append(source)
        if len(renames) == 2:  # the new folder cannot take the old one's place
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        real_rename(source, destination)

    monkeypatch.setattr(files.os, "rename", failing_rename)
    failing = pytest.raises(OutputError, match="input/output error writing")
    with failing, atomic_folder(target, replaced=["actors.csv"]) as folder:
        (folder / "actors.csv").write_text("newer", encoding="utf-8")
    assert (target / "actors.csv").read_text(encoding="utf-8") == "new"
    assert leftovers(tmp_path) == []


def test_an_interrupted_swap_is_put_back(tmp_path: Path) -> None:
    """A folder set aside (.old) by a killed process comes back if the target is missing."""
    dead = dead_pid()
    aside = tmp_path / f".ds.{dead}.0123abcd.old"
    aside.mkdir()
    (aside / "actors.csv").write_text("previous", encoding="utf-8")
    assert files.remove_stale_temporaries(tmp_path / "ds") == [aside]
    assert (tmp_path / "ds" / "actors.csv").read_text(encoding="utf-8") == "previous"


# -- killed-mid-write -----------------------------------------------------------------


def dead_pid() -> int:
    """The id of a process that has ended."""
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], stdout=-1)
    return int(done.stdout)


def test_killed_mid_write_leaves_nothing_after_the_next_run(tmp_path: Path) -> None:
    data = case("disk-full", tmp_path)
    output = tmp_path / "out.html"
    output.write_text("previous", encoding="utf-8")
    writer = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import sys, time
                from graph.core.files import atomic_write
                with atomic_write({str(output)!r}) as out:
                    out.write("half a page")
                    out.flush()
                    print("writing", flush=True)
                    time.sleep(60)
                """
            ),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout.readline() == "writing\n"
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    writer.stdout.close()
    [stale] = leftovers(tmp_path)
    assert stale.startswith(f".out.html.{writer.pid}.") and stale.endswith(".tmp")
    assert output.read_text(encoding="utf-8") == "previous"
    # A temporary of a process that still runs is not touched.
    alive = tmp_path / f".out.html.{os.getppid()}.0123abcd.tmp"
    alive.write_text("someone is writing", encoding="utf-8")
    assert run("build", data, "-o", output).exit_code == 0
    assert leftovers(tmp_path) == [alive.name]
    assert output.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_rebuilt_output_keeps_its_mode_and_new_ones_follow_the_umask(tmp_path: Path) -> None:
    old = tmp_path / "old.txt"
    old.write_text("x", encoding="utf-8")
    old.chmod(0o600)
    with atomic_write(old) as out:
        out.write("y")
    assert stat.S_IMODE(old.stat().st_mode) == 0o600
    previous = os.umask(0o027)
    try:
        with atomic_write(tmp_path / "new.txt") as out:
            out.write("z")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o640


def test_symlinked_output_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "real.html"
    real.write_text("old", encoding="utf-8")
    (tmp_path / "link.html").symlink_to(real)
    with atomic_write(tmp_path / "link.html") as out:
        out.write("new")
    assert (tmp_path / "link.html").is_symlink() and real.read_text(encoding="utf-8") == "new"


def test_check_output_accepts_what_it_should(tmp_path: Path) -> None:
    check_output(tmp_path / "a" / "b" / "out.html")
    check_output(tmp_path / "new-folder", folder=True)
    check_output(tmp_path, folder=True)  # empty
    (tmp_path / "actors.csv").write_text("id\n", encoding="utf-8")
    check_output(tmp_path, folder=True)  # a dataset: replaced whole
    check_output(tmp_path / "actors.csv", inputs=[tmp_path / "other.csv"])


def test_quiz_output_follows_the_same_rules(tmp_path: Path, monkeypatch) -> None:
    """The quiz (bundled data: the cases' data has no questionable triangle) writes the same way."""
    output = tmp_path / "missing" / "quiz.csv"
    assert run("quiz", "-n", "2", "-o", output).exit_code == 0 and output.exists()
    result = run("quiz", "-o", graph.tables.read.DATA_DIR / "relations.csv")
    assert result.exit_code == 1 and "it is an input of this command" in result.output
    result = run("quiz", "-o", "/dev/null")
    assert result.exit_code == 1 and "it is a device" in result.output

    def fsync(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files.os, "fsync", fsync)
    before = output.read_bytes()
    result = run("quiz", "-n", "3", "-o", output)
    assert result.output.splitlines() == [f"no space left on device writing {output}"]
    assert output.read_bytes() == before and leftovers(output.parent) == []
