using System.Text.Json.Nodes;
using TruthGraph.Api.Calibration;

namespace TruthGraph.Api.UnitTests.Calibration;

public sealed class ManifestCalibrationTests
{
    private static readonly LabelledProbabilities Overconfident = new(36.0 / 38, 1.0 / 38, 1.0 / 38, Gold: 0);

    [Fact]
    public void The_block_goes_after_the_verdict_thresholds_replaces_an_older_one_and_leaves_the_rest_alone()
    {
        const string manifest = """
            {"id": "m", "logProbOffsets": [-0.1, 0, 0.75], "verdictThresholds": {"support": 0.31, "tunedOn": "held-out claims → grid"},
             "calibration": {"method": "temperature", "temperature": 9}, "license": "Apache-2.0"}
            """;
        var fit = TemperatureFit.On([Overconfident, Overconfident, Overconfident, Overconfident with { Gold = 1 }]);

        var written = ManifestCalibration.WithCalibration(manifest, ManifestCalibration.Block(fit, "four pairs", "calibrate …"));
        var json = JsonNode.Parse(written)!.AsObject();

        Assert.Equal(["id", "logProbOffsets", "verdictThresholds", "calibration", "license"], json.Select(p => p.Key));
        Assert.Contains("held-out claims → grid", written); // prose is not \u-escaped
        var block = json["calibration"]!;
        Assert.Equal(2, block["temperature"]!.GetValue<double>(), 3);
        Assert.Equal(4, block["pairs"]!.GetValue<int>());
        Assert.Equal(Math.Round(36.0 / 38 - 0.75, 4), block["eceBefore"]!.GetValue<double>());
        Assert.Equal(0, block["eceAfter"]!.GetValue<double>(), 3);
        var before = Assert.Single(block["reliabilityBefore"]!.AsArray()); // empty bins are left out
        Assert.Equal((4, 0.75), (before!["count"]!.GetValue<int>(), before["accuracy"]!.GetValue<double>()));
        Assert.Equal(0.75, block["reliabilityAfter"]![0]!["meanConfidence"]!.GetValue<double>(), 3);
        Assert.Equal("Apache-2.0", json["license"]!.GetValue<string>());
    }
}
