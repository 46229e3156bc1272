using System.Text.Json;

namespace TruthGraph.Inference.Models;

/// <summary>
/// The headline accuracy a manifest records for an NLI model, measured when it was built on gold evidence:
/// CLIMATE-FEVER dev pair and claim macro-F1, and accuracy on the SNLI test subset; and, measured through the real
/// pipeline (retrieval included), the verdict accuracy on the project's common-sense contrast set and the claim macro-F1
/// on CLIMATE-FEVER dev. Null where not measured.
/// </summary>
public sealed record ModelAccuracy(int? DevPairs, double? DevPairMacroF1, double? DevClaimMacroF1, double? SnliAccuracy,
    int? ContrastClaims = null, double? ContrastAccuracy = null, double? PipelineDevClaimMacroF1 = null)
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
            Number(snli, "accuracy"),
            Child(root, "contrastSet") is { } c && c.TryGetProperty("claims", out var claims) && claims.TryGetInt32(out var n) ? n : null,
            Number(Child(root, "contrastSet"), "accuracy"),
            Number(Child(root, "pipeline"), "claimMacroF1"));
        return accuracy is { DevPairMacroF1: null, DevClaimMacroF1: null, SnliAccuracy: null, ContrastAccuracy: null } ? null : accuracy;
    }

    private static JsonElement? Child(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var child) && child.ValueKind == JsonValueKind.Object ? child : null;

    private static double? Number(JsonElement? parent, string name) =>
        parent is { } p && p.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
