using System.Text.Json;
using TruthGraph.Api.Verification;
using TruthGraph.Api.Verification.Wording;

namespace TruthGraph.Api.Evaluation;

/// <summary>
/// <c>eval --claims-out</c>: one JSON line per claim with its expected verdict, the pipeline's verdict and every retrieved
/// evidence's text, similarity, the probabilities the verdict was decided on (before calibration) and what the verdict rule
/// read of its words (which reading overruled the model, the claim's share of content words, a cited source, silence on the
/// claim's future or quantity). Enough to replay or fit a verdict rule offline without running retrieval and NLI again.
/// </summary>
public static class ClaimScoresFile
{
    /// <summary>One verified claim: <paramref name="Kind"/> is the contrast set's kind of change, or the sample claim's topic.</summary>
    public sealed record Entry(string Id, string Claim, string? Kind, Verdict Expected, VerificationResult Result);

    private sealed record EvidenceLine(
        string Text, double Similarity, double Entailment, double Neutral, double Contradiction, WordingMatch? Overruled,
        double? ClaimCoverage, bool CitesSource, bool SilentOnFuture, bool SilentOnQuantity, bool AnswersQuantity, bool WordsAgree, bool NarrowsSuperlative);

    private sealed record Line(string Id, string Claim, string? Kind, string Gold, string Verdict, IReadOnlyList<EvidenceLine> Evidence);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<Entry> Pair(IReadOnlyList<LabelledClaim> claims, IReadOnlyList<VerificationResult> results)
    {
        if (claims.Count != results.Count)
        {
            throw new ArgumentException($"{claims.Count} claims but {results.Count} results.", nameof(results));
        }
        return [.. claims.Select((c, i) => new Entry(c.Id, c.Claim, c.Kind, c.Label, results[i]))];
    }

    public static async Task WriteAsync(string path, IReadOnlyList<Entry> entries)
    {
        await using var writer = new StreamWriter(path);
        foreach (var entry in entries)
        {
            var evidence = entry.Result.Evidence.Select(e =>
            {
                var scores = e.DecidingScoresFor(entry.Claim);
                return new EvidenceLine(e.Text, scores.Similarity, scores.Entailment, scores.Neutral, scores.Contradiction, e.Overruled,
                    scores.ClaimCoverage, scores.CitesSource, scores.SilentOnFuture, scores.SilentOnQuantity, scores.AnswersQuantity,
                    scores.WordsAgree, scores.NarrowsSuperlative);
            }).ToList();
            var line = new Line(entry.Id, entry.Claim, entry.Kind, VerdictNames.ToText(entry.Expected),
                VerdictNames.ToText(entry.Result.Verdict), evidence);
            await writer.WriteLineAsync(JsonSerializer.Serialize(line, Json));
        }
    }
}
