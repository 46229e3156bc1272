using System.Text.Json;

namespace TruthGraph.Inference.Models;

/// <summary>
/// The headline accuracy a manifest records for an NLI model, measured when it was built on gold evidence:
/// CLIMATE-FEVER dev pair and claim macro-F1, and accuracy on the SNLI test subset. Null where not measured.
/// </summary>
public sealed record ModelAccuracy(int? DevPairs, double? DevPairMacroF1, double? DevClaimMacroF1, double? SnliAccuracy)
{
    public static ModelAccuracy? From(JsonElement? metrics)
    {
        if (metrics is not { ValueKind: JsonValueKind.Object } root)
        {
            return null;
        }
        var dev = Child(root, "climateFeverDev");
        var snli = Child(root, "snliTestSubset");
        var accuracy = new ModelAccuracy(
            dev is { } d && d.TryGetProperty("pairs", out var pairs) && pairs.TryGetInt32(out var count) ? count : null,
            Number(dev, "pairMacroF1"),
            // The trainers name the claim-level figure differently; both are measured on the dev claims' gold evidence.
            Number(dev, "claimMacroF1GoldEvidence") ?? Number(dev, "claimMacroF1"),
            Number(snli, "accuracy"));
        return accuracy is { DevPairMacroF1: null, DevClaimMacroF1: null, SnliAccuracy: null } ? null : accuracy;
    }

    private static JsonElement? Child(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var child) && child.ValueKind == JsonValueKind.Object ? child : null;

    private static double? Number(JsonElement? parent, string name) =>
        parent is { } p && p.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
