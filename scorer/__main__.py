"""The command line's process: `python -m scorer`, and the `scorer` command (`run`)."""

import gc


def run() -> None:
    """`scorer.cli.main`, in a process of its own. Its garbage is collected less often from the
    start (the modules, models and criteria a run imports live to its end); and what is left when
    it ends is not searched for cycles once more on the way out (gc.freeze: the process is ending,
    and every file it writes is closed by then): that last search over everything a run made was a
    twentieth of a one-unit `scorer predict`."""
    gc.set_threshold(50_000, 20, 100)
    from scorer.cli import main

    try:
        main()
    finally:
        gc.freeze()


if __name__ == "__main__":
    run()
