using System.Text.Json;
using TruthGraph.Api.Verification;
using TruthGraph.NliTraining.Data;

namespace TruthGraph.CrossEncoderTraining.Data;

/// <summary>
/// A training pair whose gold answer is a set of allowed classes: one class for 3-way data, {neutral, contradiction}
/// for RTE's two-way "not_entailment". The loss is −log of the probability mass on the allowed set.
/// </summary>
public sealed record LabelledPair(string Premise, string Hypothesis, IReadOnlyList<NliLabel> Allowed, string Source)
{
    public static LabelledPair Single(NliPair pair, string source) => new(pair.Premise, pair.Hypothesis, [pair.Label], source);
}

/// <summary>The splits one run uses, all read from the shared data folder.</summary>
public sealed record TrainingData(
    IReadOnlyList<LabelledPair> Train,
    IReadOnlyList<ClaimExample> TuneClaims,
    IReadOnlyList<ClaimExample> DevClaims,
    IReadOnlyList<NliPair> SnliTest)
{
    /// <summary>
    /// CLIMATE-FEVER train minus a held-out share of its claims (for choosing the epoch, offsets and verdict thresholds,
    /// so that dev stays untouched), plus the SNLI dev subset and RTE, each optionally capped (a seeded sample).
    /// </summary>
    public static TrainingData Load(string dataDirectory, double tuneShare, int snliLimit, int rteLimit, int seed)
    {
        var random = new Random(seed);
        var climate = Datasets.ReadClimateFever(Path.Combine(dataDirectory, "climate-fever", "train.jsonl"));
        var shuffled = climate.OrderBy(_ => random.Next()).ToList();
        var tuneCount = (int)Math.Round(shuffled.Count * tuneShare);
        var tune = shuffled.Take(tuneCount).OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        var train = shuffled.Skip(tuneCount).SelectMany(c => c.Pairs).Select(p => LabelledPair.Single(p, "climate-fever")).ToList();

        var snli = Datasets.ReadSnli(Path.Combine(dataDirectory, "nli", "snli_dev_subset.jsonl"));
        train.AddRange(Sample(snli, snliLimit, random).Select(p => LabelledPair.Single(p, "snli")));
        train.AddRange(Sample(ReadRte(Path.Combine(dataDirectory, "nli", "rte_all_labeled.jsonl")), rteLimit, random));

        return new TrainingData(
            train,
            tune,
            Datasets.ReadClimateFever(Path.Combine(dataDirectory, "climate-fever", "dev.jsonl")),
            Datasets.ReadSnli(Path.Combine(dataDirectory, "nli", "snli_test_subset.jsonl")));
    }

    public static IReadOnlyList<LabelledPair> ReadRte(string path)
    {
        var pairs = new List<LabelledPair>();
        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            IReadOnlyList<NliLabel> allowed = root.GetProperty("label").GetString() switch
            {
                "entailment" => [NliLabel.Entailment],
                "not_entailment" => [NliLabel.Neutral, NliLabel.Contradiction],
                var other => throw new InvalidDataException($"Unknown RTE label '{other}' in {path}."),
            };
            pairs.Add(new LabelledPair(root.GetProperty("premise").GetString()!, root.GetProperty("hypothesis").GetString()!, allowed, "rte"));
        }
        return pairs;
    }

    /// <summary>Class weights N / (3 · count) over the single-class pairs; a set's weight is the mean of its classes'.</summary>
    public static double[] ClassWeights(IReadOnlyList<LabelledPair> pairs) =>
        NliLabels.ClassWeights(pairs.Where(p => p.Allowed.Count == 1).Select(p => p.Allowed[0]).ToList());

    private static IEnumerable<T> Sample<T>(IReadOnlyList<T> items, int limit, Random random) =>
        limit < 0 || limit >= items.Count ? items : items.OrderBy(_ => random.Next()).Take(limit).ToList();
}
