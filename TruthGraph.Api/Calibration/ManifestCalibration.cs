using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;

namespace TruthGraph.Api.Calibration;

/// <summary>
/// Writes a fit into a model manifest's <c>calibration</c> block (read by the inference service as
/// <c>TruthGraph.Inference.Models.CalibrationSpec</c>), leaving every other field as it was.
/// </summary>
public static class ManifestCalibration
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // Manifests are read by people too: keep their prose's characters as they are instead of \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <param name="check">The fitted temperature measured on other held-apart pairs, with what they are; null when none.</param>
    public static JsonObject Block(TemperatureFit fit, string fittedOn, string command,
        (string On, CalibrationReport Before, CalibrationReport After)? check = null)
    {
        var block = new JsonObject
        {
            ["method"] = NliCalibration.TemperatureMethod,
            ["temperature"] = Round(fit.Temperature),
            ["eceBefore"] = Round(fit.Before.ExpectedCalibrationError),
            ["eceAfter"] = Round(fit.After.ExpectedCalibrationError),
            ["pairs"] = fit.Before.Pairs,
            ["bins"] = fit.Before.Bins.Count,
            ["accuracy"] = Round(fit.Before.Accuracy),
            ["nllBefore"] = Round(fit.Before.NegativeLogLikelihood),
            ["nllAfter"] = Round(fit.After.NegativeLogLikelihood),
            ["fittedOn"] = fittedOn,
            ["command"] = command,
            ["measured"] = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["reliabilityBefore"] = Bins(fit.Before),
            ["reliabilityAfter"] = Bins(fit.After),
        };
        if (check is { } c)
        {
            block["check"] = new JsonObject
            {
                ["on"] = c.On,
                ["pairs"] = c.Before.Pairs,
                ["eceBefore"] = Round(c.Before.ExpectedCalibrationError),
                ["eceAfter"] = Round(c.After.ExpectedCalibrationError),
            };
        }
        return block;
    }

    /// <summary>Replaces (or adds) the manifest's <c>calibration</c> block, after <c>verdictThresholds</c> where there is one.</summary>
    public static string WithCalibration(string manifestJson, JsonObject block)
    {
        var manifest = JsonNode.Parse(manifestJson)?.AsObject() ?? throw new InvalidDataException("The manifest is not a JSON object.");
        var ordered = new JsonObject();
        var placed = false;
        foreach (var (name, value) in manifest.ToList())
        {
            manifest.Remove(name);
            if (name == "calibration")
            {
                continue;
            }
            ordered[name] = value;
            if (name == "verdictThresholds")
            {
                ordered["calibration"] = block;
                placed = true;
            }
        }
        if (!placed)
        {
            ordered["calibration"] = block;
        }
        return ordered.ToJsonString(Indented) + "\n";
    }

    private static JsonArray Bins(CalibrationReport report) =>
        new(report.Bins.Where(b => b.Count > 0).Select(b => (JsonNode)new JsonObject
        {
            ["binLow"] = Round(b.BinLow),
            ["binHigh"] = Round(b.BinHigh),
            ["count"] = b.Count,
            ["meanConfidence"] = Round(b.MeanConfidence),
            ["accuracy"] = Round(b.Accuracy),
        }).ToArray());

    private static double Round(double value) => Math.Round(value, 4);
}
