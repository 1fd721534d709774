"""Reads a Hingekit log directory through TensorBoard's own Python loading path and plugins, and prints what the
dashboards would show: scalars, histograms, PR curves, text, images and the HPARAMS session groups.

Needs an importable TensorBoard 2.x (with werkzeug); nothing is served on a port, requests go to the WSGI app
in-process. Usage: python3 check_with_tensorboard.py <logdir holding one sub-directory per run>
"""
import argparse
import json
import sys

from werkzeug import test as wtest

from tensorboard.backend import application
from tensorboard.backend.event_processing import data_provider, plugin_event_multiplexer
from tensorboard.plugins.histogram import histograms_plugin
from tensorboard.plugins.hparams import hparams_plugin
from tensorboard.plugins.image import images_plugin
from tensorboard.plugins.pr_curve import pr_curves_plugin
from tensorboard.plugins.scalar import scalars_plugin
from tensorboard.plugins.text import text_plugin

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def make_client(logdir):
    multiplexer = plugin_event_multiplexer.EventMultiplexer()
    multiplexer.AddRunsFromDirectory(logdir)
    multiplexer.Reload()
    provider = data_provider.MultiplexerDataProvider(multiplexer, logdir)
    flags = argparse.Namespace(logdir=logdir, samples_per_plugin={}, window_title="", path_prefix="",
                               generic_data="true", reload_interval=0, max_reload_threads=1,
                               detect_file_replacement=False)
    plugins = [scalars_plugin.ScalarsPlugin, histograms_plugin.HistogramsPlugin, pr_curves_plugin.PrCurvesPlugin,
               text_plugin.TextPlugin, images_plugin.ImagesPlugin, hparams_plugin.HParamsPlugin]
    return wtest.Client(application.TensorBoardWSGIApp(flags, plugins, provider, None, multiplexer))


def main(logdir):
    client = make_client(logdir)

    def get(path):
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        return json.loads(response.get_data(as_text=True))

    def post(path, body):
        response = client.post(path, data=json.dumps(body), content_type="application/json",
                               headers={"X-XSRF-Protected": "1"})
        assert response.status_code == 200, (path, response.status_code)
        return json.loads(response.get_data(as_text=True))

    for run, tags in sorted(get("/data/plugin/scalars/tags").items()):
        for tag in sorted(tags):
            points = get(f"/data/plugin/scalars/scalars?run={run}&tag={tag}")
            print(f"scalar {run} {tag}: {len(points)} points, last step {points[-1][1]} value {points[-1][2]}")
    for run, tags in sorted(get("/data/plugin/histograms/tags").items()):
        for tag in sorted(tags):
            points = get(f"/data/plugin/histograms/histograms?run={run}&tag={tag}")
            last = points[-1][2]
            print(f"histogram {run} {tag}: {len(points)} points, last has {len(last)} buckets, "
                  f"count {sum(b[2] for b in last):g}, range [{last[0][0]:.4g}, {last[-1][1]:.4g}]")
    for run, tags in sorted(get("/data/plugin/pr_curves/tags").items()):
        for tag in sorted(tags):
            entry = get(f"/data/plugin/pr_curves/pr_curves?run={run}&tag={tag}")[run][-1]
            print(f"pr_curve {run} {tag}: step {entry['step']}, {len(entry['thresholds'])} thresholds, "
                  f"TP {entry['true_positives'][0]} FP {entry['false_positives'][0]} at threshold 0")
    for run, tags in sorted(get("/data/plugin/text/tags").items()):
        for tag in tags:
            print(f"text {run} {tag}: {get(f'/data/plugin/text/text?run={run}&tag={tag}')[-1]['text']!r}")
    for run, tags in sorted(get("/data/plugin/images/tags").items()):
        for tag in tags:
            image = get(f"/data/plugin/images/images?run={run}&tag={tag}&sample=0")[-1]
            blob = client.get("/data/plugin/images/individualImage?" + image["query"]).get_data()
            is_png = blob.startswith(PNG_SIGNATURE)
            print(f"image {run} {tag}: step {image['step']}, {len(blob)} bytes, PNG signature {is_png}")
    experiment = post("/data/plugin/hparams/experiment", {"experimentName": ""})
    hparams = [info["name"] for info in experiment.get("hparamInfos", [])]
    metrics = [info["name"] for info in experiment.get("metricInfos", [])]
    print("hparams columns:", hparams, "metrics:", [m["tag"] for m in metrics])
    groups = post("/data/plugin/hparams/session_groups", {
        "experimentName": "",
        "allowedStatuses": ["STATUS_UNKNOWN", "STATUS_SUCCESS", "STATUS_FAILURE", "STATUS_RUNNING"],
        "colParams": [{"hparam": h} for h in hparams] + [{"metric": m} for m in metrics],
        "startIndex": 0, "sliceSize": 1000})
    for group in groups.get("sessionGroups", []):
        values = {m["name"]["tag"]: m["value"] for m in group.get("metricValues", [])}
        print(f"session {group['name']}: {group['hparams']} {values} {group['sessions'][0]['status']}")


if __name__ == "__main__":
    main(sys.argv[1])
