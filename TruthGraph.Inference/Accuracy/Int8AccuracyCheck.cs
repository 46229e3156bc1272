using System.Diagnostics;
using TruthGraph.Inference.Cache;
using TruthGraph.Inference.Embeddings;
using TruthGraph.Inference.Models;
using TruthGraph.Inference.Nli;
using TruthGraph.Inference.Onnx.Quantization;
using TruthGraph.ServiceDefaults.Measurement;

namespace TruthGraph.Inference.Accuracy;

/// <summary>
/// Compares an embedding model's INT8 variants with its fp32 weights on a CLIMATE-FEVER split, in the service's own
/// code (loader, session pool, length-sorted runs at the CPU batch size): cosine per text, gold-evidence recall@k of
/// the claims against the split's evidence corpus, and the NLI head's labels on the gold pairs. Each precision is loaded
/// alone, so the cache's own copy of the model is never touched.
/// </summary>
public sealed class Int8AccuracyCheck(IServiceProvider services)
{
    /// <param name="encodings">Each method is measured with each of these weight encodings (weight-only, which has none, once).</param>
    public async Task<AccuracyReport> RunAsync(string modelId, IReadOnlyList<QuantizationMethod> methods, IReadOnlyList<Int8WeightEncoding> encodings,
        ClimateFeverSet data, int k, Action<string> log, CancellationToken cancellationToken)
    {
        var catalog = services.GetRequiredService<ModelCatalog>();
        if (!catalog.TryGet(modelId, out var manifest) || manifest.Task != ModelTask.Embedding)
        {
            throw new InvalidDataException($"'{modelId}' is not an embedding model of the catalogue.");
        }
        var texts = data.Corpus.Concat(data.Claims.Select(c => c.Text)).ToArray();
        var precisions = new List<ModelPrecision> { ModelPrecision.Fp32 };
        precisions.AddRange(methods
            .SelectMany(m => encodings.Select(e => ModelPrecision.Int8(m, Int8WeightEncodings.For(m, e) ?? Int8WeightEncoding.Signed8)))
            .Distinct());

        var embedded = new List<(string Label, float[][] Vectors, double TextsPerSecond, bool Exact)>();
        foreach (var precision in precisions)
        {
            var (vectors, rate, check) = await EmbedAsync(manifest, precision, texts, cancellationToken);
            // A variant whose self-check failed ran fp32: label it so, or its row would pass for an INT8 result.
            var label = check is { Passed: false } ? $"{precision} → fp32 (self-check {check.Worst:F3})" : precision.ToString();
            embedded.Add((label, vectors, rate, precision.EffectiveEncoding is not { } used || Int8CpuSupport.Current.IsExact(used)));
            log($"{label}: {texts.Length} texts embedded, {rate:F0} texts/s"
                + (check is null ? "" : $"; self-check {check.Measure} {check.Worst:F4} ({(check.Passed ? "passed" : "FAILED")})"));
        }

        var nli = catalog.All.FirstOrDefault(m => m is { Architecture: NliArchitecture.BiEncoderHead, Enabled: true } && m.Encoder == manifest.Id);
        var head = nli is null ? null : (INliModel)await services.GetRequiredService<ModelCache>().GetAsync(nli.Id, cancellationToken);
        var gold = head is null ? [] : GoldPairLabels(data, nli!);

        var (fp32Corpus, fp32Claims) = Split(embedded[0].Vectors, data.Corpus.Count);
        var fp32TopK = fp32Claims.Select(q => VectorMath.TopK(q, fp32Corpus, k)).ToArray();
        var fp32Labels = head is null ? null : await PairLabelsAsync(head, data, fp32Corpus, fp32Claims, cancellationToken);
        var rows = new List<PrecisionAccuracy>
        {
            new(ModelPrecision.Fp32.ToString(), null, null, null, Recall(data, fp32TopK), null, null, null,
                fp32Labels is null ? null : ConfusionMatrix.From(nli!.Labels, gold, fp32Labels).MacroF1, embedded[0].TextsPerSecond),
        };
        foreach (var (label, vectors, rate, exact) in embedded.Skip(1))
        {
            var cosines = vectors.Select((v, i) => VectorMath.Cosine(v, embedded[0].Vectors[i])).Order().ToArray();
            var (corpus, claims) = Split(vectors, data.Corpus.Count);
            var topK = claims.Select(q => VectorMath.TopK(q, corpus, k)).ToArray();
            var againstFp32Corpus = claims.Select(q => VectorMath.TopK(q, fp32Corpus, k)).ToArray();
            var overlap = topK.Zip(fp32TopK, (a, b) => a.Intersect(b).Count() / (double)k).Average();
            var labels = head is null ? null : await PairLabelsAsync(head, data, corpus, claims, cancellationToken);
            rows.Add(new PrecisionAccuracy(label, cosines.Average(), cosines[0], cosines[cosines.Length / 100],
                Recall(data, topK), Recall(data, againstFp32Corpus), overlap,
                labels is null ? null : labels.Zip(fp32Labels!, (a, b) => a == b ? 1.0 : 0.0).Average(),
                labels is null ? null : ConfusionMatrix.From(nli!.Labels, gold, labels).MacroF1, rate, exact));
        }
        var cpu = Int8CpuSupport.Current;
        return new AccuracyReport(manifest.Id, data.Source, data.Claims.Count, data.Corpus.Count, data.Pairs, k, nli?.Id, rows,
            $"{cpu.Features} (auto weight encoding: {cpu.Recommended.Name()})");
    }

    private async Task<(float[][] Vectors, double TextsPerSecond, Onnx.Int8SelfCheckResult? Check)> EmbedAsync(ModelManifest manifest, ModelPrecision precision, string[] texts,
        CancellationToken cancellationToken)
    {
        var loader = services.GetServices<IModelLoader>().Single(l => l.Task == ModelTask.Embedding);
        var runtime = ModelRuntime.Private(manifest.Id, precision);
        await using var model = (IEmbeddingModel)await loader.LoadAsync(manifest, runtime, encoder: null, cancellationToken);
        runtime.RunBatchSize.Loaded(model.DefaultBatchSize, tunedForDevice: null); // what the service would run: the model's default run size, length-sorted
        await model.WarmUpAsync(cancellationToken);
        var clock = Stopwatch.StartNew();
        var vectors = model.EmbedNow(texts).Select(e => e.Vector).ToArray();
        return (vectors, texts.Length / clock.Elapsed.TotalSeconds, runtime.Int8Check);
    }

    /// <summary>Mean over claims of the share of the claim's labelled evidence found in its top k.</summary>
    private static double Recall(ClimateFeverSet data, int[][] topK) =>
        data.Claims.Select((claim, i) => claim.Evidence.Count(e => topK[i].Contains(e.Evidence)) / (double)claim.Evidence.Count).Average();

    private static async Task<string[]> PairLabelsAsync(INliModel head, ClimateFeverSet data, float[][] corpus, float[][] claims,
        CancellationToken cancellationToken)
    {
        var pairs = data.Claims.SelectMany((claim, i) => claim.Evidence.Select(e =>
            new NliPairInput(data.Corpus[e.Evidence], claim.Text, corpus[e.Evidence], claims[i]))).ToList();
        return (await head.ClassifyAsync(pairs, cancellationToken)).Select(p => p.Label).ToArray();
    }

    private static string[] GoldPairLabels(ClimateFeverSet data, ModelManifest nli)
    {
        var mapping = nli.LabelMapping ?? throw new InvalidDataException($"Manifest '{nli.Id}' has no labelMapping from dataset labels to its labels.");
        return data.Claims.SelectMany(c => c.Evidence.Select(e => mapping.TryGetValue(e.Label, out var label) ? label
            : throw new InvalidDataException($"Manifest '{nli.Id}' does not map the dataset label '{e.Label}'."))).ToArray();
    }

    private static (float[][] Corpus, float[][] Claims) Split(float[][] vectors, int corpusCount) => (vectors[..corpusCount], vectors[corpusCount..]);
}
