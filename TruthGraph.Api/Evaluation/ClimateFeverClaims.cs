using TruthGraph.ServiceDefaults.Datasets;

namespace TruthGraph.Api.Evaluation;

/// <summary>
/// A labelled claim of the CLIMATE-FEVER JSON-lines format with its labelled evidence. <see cref="Kind"/> is an optional
/// field of our own (<c>"kind"</c>, e.g. <c>paraphrase</c>, <c>negation</c> in the contrast set) that the report breaks
/// accuracy down by; CLIMATE-FEVER itself has none.
/// </summary>
public sealed record LabelledClaim(string Id, string Claim, Verdict Label, IReadOnlyList<LabelledEvidence> Evidence, string? Kind = null);

/// <summary>A labelled evidence sentence; <see cref="Votes"/> are the annotators' labels (pair-label indices), when the file keeps them.</summary>
public sealed record LabelledEvidence(string EvidenceId, string Text, int PairLabel, IReadOnlyList<int>? Votes = null);

public static class ClimateFeverClaims
{
    /// <summary>Pair labels as class indices in the NLI label order: 0 entailment, 1 neutral, 2 contradiction.</summary>
    public static readonly IReadOnlyList<string> PairLabels = ["SUPPORTS", "NOT_ENOUGH_INFO", "REFUTES"];

    public static IReadOnlyList<LabelledClaim> Read(string path) =>
        ClimateFeverFile.Read(path, record => new LabelledClaim(record.ClaimId, record.Claim, VerdictNames.FromClimateFever(record.ClaimLabel),
            record.Evidence.Select(e => new LabelledEvidence(e.EvidenceId, e.Text, PairLabelIndex(e.Label),
                e.Votes?.Select(PairLabelIndex).ToList())).ToList(), record.Kind));

    private static int PairLabelIndex(string label)
    {
        var index = PairLabels.ToList().IndexOf(label);
        return index >= 0 ? index : throw new InvalidDataException($"Unknown evidence label '{label}'.");
    }
}
