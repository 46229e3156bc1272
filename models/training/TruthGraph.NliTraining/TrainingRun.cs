using System.Diagnostics;
using Spectre.Console;
using TruthGraph.NliTraining.Data;
using TruthGraph.NliTraining.Embedding;
using TruthGraph.NliTraining.Evaluation;
using TruthGraph.NliTraining.Export;
using TruthGraph.NliTraining.Features;
using TruthGraph.NliTraining.Training;

namespace TruthGraph.NliTraining;

public sealed record RunSettings(string DataDirectory, string OutDirectory, bool UseSnli, bool Compare, bool DryRun,
    HeadOptions Head, string CacheDirectory);

/// <summary>The whole training command: read, embed (cached), featurise, train and measure, export, verify, write.</summary>
public sealed class TrainingRun(RunSettings settings, IAnsiConsole console)
{
    public const string HeadFileName = ManifestWriter.Id + ".onnx";

    public int Execute()
    {
        var watch = Stopwatch.StartNew();
        string Data(params string[] parts) => Path.Combine([settings.DataDirectory, .. parts]);
        var trainClaims = Datasets.ReadClimateFever(Data("climate-fever", "train.jsonl"));
        var devClaims = Datasets.ReadClimateFever(Data("climate-fever", "dev.jsonl"));
        var snliDev = Datasets.ReadSnli(Data("nli", "snli_dev_subset.jsonl"));
        var snliTest = Datasets.ReadSnli(Data("nli", "snli_test_subset.jsonl"));
        console.MarkupLineInterpolated(
            $"CLIMATE-FEVER train {trainClaims.Count} claims, dev {devClaims.Count} claims; SNLI dev {snliDev.Count}, test {snliTest.Count} pairs");

        using var embedder = new MiniLmOnnxEmbedder();
        var vectors = Embed(embedder, trainClaims.Concat(devClaims).SelectMany(c => c.Pairs).Concat(snliDev).Concat(snliTest));
        FeatureExample Row(NliPair p, string group) =>
            new(PairFeatures.Build(vectors[p.Premise], vectors[p.Hypothesis]), p.Label, group);
        var sets = new FeatureSets(
            trainClaims, trainClaims.SelectMany(c => c.Pairs.Select(p => Row(p, "cf:" + c.Id))).ToList(),
            devClaims, devClaims.SelectMany(c => c.Pairs.Select(p => Row(p, "cf:" + c.Id))).ToList(),
            // SNLI groups by premise: its hypotheses are written per premise, like CLIMATE-FEVER's evidence per claim.
            snliDev.Select(p => Row(p, "snli:" + p.Premise)).ToList(),
            snliTest.Select(p => Row(p, "snli:" + p.Premise)).ToList());

        var variants = settings.Compare ? new[] { false, true } : [settings.UseSnli];
        var results = variants.Select(withSnli => Train(sets, withSnli)).ToList();
        results.ForEach(r => Report.Variant(console, r));
        if (results.Count > 1)
        {
            Report.Comparison(console, results);
        }
        var chosen = results[Array.IndexOf(variants, settings.UseSnli)];

        var (bytes, sha256) = OnnxHeadExporter.Export(chosen.Model, sets.Dev.Select(r => r.Features).ToList());
        var contract = OnnxHeadExporter.Describe(bytes);
        var onnxScores = OnnxHeadExporter.Score(bytes, contract, sets.Dev.Select(r => r.Features).ToList());
        var check = OnnxHeadExporter.Verify(chosen.DevProbabilities, onnxScores);
        console.MarkupLineInterpolated(
            $"ONNX head: {bytes.Length:N0} bytes, input {contract.InputName} ({string.Join(", ", contract.InputShape)}), outputs {string.Join(", ", contract.AllOutputs)}");
        console.MarkupLineInterpolated(
            $"ONNX Runtime vs ML.NET on {check.Rows} dev pairs: argmax agrees on {check.ArgMaxAgreements}, max |Δp| {check.MaxAbsoluteDifference:E2}");
        if (check.ArgMaxAgreements != check.Rows)
        {
            console.MarkupLine("[red]ONNX Runtime does not reproduce the ML.NET head; nothing written.[/]");
            return 2;
        }
        if (settings.DryRun)
        {
            console.MarkupLine("--dry-run: nothing written.");
            return 0;
        }

        Directory.CreateDirectory(settings.OutDirectory);
        var headPath = Path.Combine(settings.OutDirectory, HeadFileName);
        File.WriteAllBytes(headPath, bytes);
        var manifestPath = Path.Combine(settings.OutDirectory, ManifestWriter.Id + ".json");
        ManifestWriter.Write(manifestPath, chosen, new HeadArtifact(HeadFileName, bytes.Length, sha256, contract, check,
            embedder.ModelSha256, embedder.Dimensions, settings.Head, watch.Elapsed.TotalSeconds));
        console.MarkupLineInterpolated($"wrote {headPath} and {manifestPath} in {watch.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }

    private IReadOnlyDictionary<string, float[]> Embed(ISentenceEmbedder embedder, IEnumerable<NliPair> pairs)
    {
        var cache = new EmbeddingCache(settings.CacheDirectory, embedder);
        var texts = pairs.SelectMany(p => new[] { p.Premise, p.Hypothesis }).Distinct(StringComparer.Ordinal).ToList();
        IReadOnlyDictionary<string, float[]>? vectors = null;
        var watch = Stopwatch.StartNew();
        console.Progress().Start(ctx =>
        {
            var task = ctx.AddTask($"embedding {texts.Count:N0} unique sentences ({cache.Count:N0} cached)");
            vectors = cache.GetOrEmbed(texts, embedder, (done, total) =>
            {
                task.MaxValue = Math.Max(total, 1);
                task.Value = Math.Max(done, total == 0 ? 1 : 0);
            });
        });
        console.MarkupLineInterpolated($"embeddings ready in {watch.Elapsed.TotalSeconds:0.0} s (cache {cache.FilePath})");
        return vectors!;
    }

    private VariantResult Train(FeatureSets sets, bool withSnli)
    {
        VariantResult? result = null;
        console.Progress().Start(ctx =>
        {
            var task = ctx.AddTask(withSnli ? "training on CLIMATE-FEVER + SNLI dev" : "training on CLIMATE-FEVER", maxValue: 1);
            result = new VariantTrainer(settings.Head).Run(sets, withSnli, (step, fraction) =>
            {
                task.Description = $"{(withSnli ? "CF + SNLI" : "CF")}: {step}";
                task.Value = fraction;
            });
        });
        return result!;
    }
}
