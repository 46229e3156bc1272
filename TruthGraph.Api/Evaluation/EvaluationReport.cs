using System.Text.Json.Serialization;

namespace TruthGraph.Api.Evaluation;

/// <summary>What an evaluation run measured: quality at claim and pair level, and where the time went.</summary>
public sealed record EvaluationReport(
    string EmbeddingModel,
    string NliModel,
    int TopK,
    ClassificationReport Claims,
    ClassificationReport Pairs,
    IReadOnlyDictionary<string, LatencySummary> Stages,
    LatencySummary CacheHit,
    double IngestSentencesPerSecond,
    double NliPairsPerSecond,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<KindAccuracy>? Kinds = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AnnotatorAgreement? Annotators = null)
{
    /// <summary>The pair classes in the NLI label order, as the pair figures name them.</summary>
    public static readonly IReadOnlyList<string> PairClasses = ["entailment", "neutral", "contradiction"];

    public static EvaluationReport Build(
        IReadOnlyList<LabelledClaim> claims, IReadOnlyList<VerificationResult> results, IReadOnlyList<int> goldPairLabels,
        IReadOnlyList<NliScore> pairScores, IReadOnlyList<double> cacheHits, double ingestRate, double pairsPerSecond,
        int topK, VerificationOptions settings)
    {
        var claimReport = ClassificationReport.From(VerdictNames.Names,
            claims.Zip(results, (c, r) => ((int)c.Label, (int)r.Verdict)));
        var pairReport = ClassificationReport.From(PairClasses,
            goldPairLabels.Zip(pairScores, (gold, s) => (gold, PairClasses.ToList().IndexOf(s.Label))));
        var timings = results.Select(r => r.MeasuredTimings()).ToList();
        var stages = new Dictionary<string, LatencySummary>
        {
            ["embed"] = LatencySummary.Of(timings.Select(t => t.EmbedMs)),
            ["retrieve"] = LatencySummary.Of(timings.Select(t => t.RetrieveMs)),
            ["nli"] = LatencySummary.Of(timings.Select(t => t.NliMs)),
            ["aggregate"] = LatencySummary.Of(timings.Select(t => t.AggregateMs)),
            ["db"] = LatencySummary.Of(timings.Select(t => t.DbMs)),
            ["overhead"] = LatencySummary.Of(timings.Select(t => t.OverheadMs)),
            ["total"] = LatencySummary.Of(timings.Select(t => t.TotalMs)),
        };
        return new EvaluationReport(settings.EmbeddingModel, settings.NliModel, topK, claimReport, pairReport, stages,
            LatencySummary.Of(cacheHits), Math.Round(ingestRate, 1), Math.Round(pairsPerSecond, 1),
            KindAccuracy.From(claims, results.Select(r => r.Verdict).ToList()), AnnotatorAgreement.Of(claims));
    }

    public void Print(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"models: embedding {EmbeddingModel}, NLI {NliModel}; top-k {TopK}");
        Claims.Print(output, "claims");
        if (Kinds is not null)
        {
            KindAccuracy.Print(output, Kinds);
        }
        Pairs.Print(output, "pairs (gold evidence)");
        Annotators?.Print(output);
        output.WriteLine();
        output.WriteLine("verify, warm, one claim per call (ms):");
        foreach (var (stage, summary) in Stages)
        {
            output.WriteLine($"  {stage,-10}{summary}");
        }
        output.WriteLine($"  {"cache hit",-10}{CacheHit}");
        output.WriteLine($"ingestion {IngestSentencesPerSecond:F0} sentences/s; NLI {NliPairsPerSecond:F0} pairs/s (texts only, encoder included)");
    }
}
