using System.Diagnostics;
using System.Security.Cryptography;
using TorchSharp.Modules;
using TruthGraph.CrossEncoderTraining.Data;
using TruthGraph.CrossEncoderTraining.Encoder;
using TruthGraph.CrossEncoderTraining.Evaluation;
using TruthGraph.CrossEncoderTraining.Export;
using TruthGraph.Inference.Tokenization;
using static TorchSharp.torch;

namespace TruthGraph.CrossEncoderTraining.Training;

/// <summary>
/// Fine-tunes the adapters (or the top layers' weights in full), biases, LayerNorms and head with AdamW (weight decay
/// on adapter and head matrices only), linear warm-up and decay, gradient clipping at 1, class-weighted set loss,
/// dynamic padding. After each evaluation the adapter file is
/// written as <c>latest.safetensors</c>, and as <c>best.safetensors</c> when the held-out training claims score best.
/// </summary>
public sealed class Trainer(TrainSettings settings, Action<string> log)
{
    public const string BestFile = "best.safetensors", LatestFile = "latest.safetensors", SummaryFile = "summary.json";

    public RunSummary Run(MiniLmOnnxWeights weights, BertWordPieceTokenizer tokenizer, TrainingData data, string nativeLoad)
    {
        Directory.CreateDirectory(settings.OutputDirectory);
        random.manual_seed(settings.Seed);
        set_num_threads(settings.Threads);
        var lora = new LoraSettings(settings.LoraRank, settings.LoraAlpha, settings.LoraDropout);
        var model = new MiniLmCrossEncoder(weights, lora, settings.Dropout, settings.FullLayers);
        if (settings.InitAdapter is { } init)
        {
            // A second stage: continue from a trained adapter (same rank) rather than from zero.
            AdapterImport.Apply(model, File.ReadAllBytes(init));
            log($"started from {init}");
        }

        var classWeights = TrainingData.ClassWeights(data.Train);
        var train = data.Train.Select(p => Encode(p, tokenizer, classWeights)).ToList();
        var evaluation = settings.SkipEvaluation ? null : EvaluationSet.Build(data, tokenizer, settings.MaxTokens);
        if (settings.ClaimPriorWeight > 0 && settings.TeacherAdapter is not null)
        {
            throw new ArgumentException("--teacher and --claim-prior-weight are two ways to train against the claim-only bias: choose one.");
        }
        var priors = settings.ClaimPriorWeight > 0
            ? ClaimOnlyPrior.Compute(model, tokenizer, [.. data.Train.Select(p => p.Hypothesis)], settings.MaxTokens, settings.ClaimPriorWeight)
            : null;
        var targets = settings.TeacherAdapter is { } teacherPath ? TeacherTargets(weights, tokenizer, data, train, teacherPath) : null;
        if (priors is not null)
        {
            log($"claim-only prior (weight {settings.ClaimPriorWeight}) for {priors.Length} pairs: centred log-probability spread " +
                string.Join(" / ", Enumerable.Range(0, MiniLmCrossEncoder.Labels).Select(c => $"{priors.Min(r => r[c]):F2}..{priors.Max(r => r[c]):F2}")));
        }
        var summary = new RunSummary
        {
            Settings = settings,
            BaseSha256 = weights.Sha256,
            TrainPairsBySource = data.Train.GroupBy(p => p.Source).ToDictionary(g => g.Key, g => g.Count()),
            ClassWeights = classWeights,
            TuneClaims = data.TuneClaims.Count,
            NativeLoad = nativeLoad,
        };
        log($"train pairs {train.Count} ({string.Join(", ", summary.TrainPairsBySource.Select(kv => $"{kv.Key} {kv.Value}"))}), " +
            $"class weights [{string.Join(", ", classWeights.Select(w => w.ToString("F3")))}], tune claims {data.TuneClaims.Count}");

        var matrices = model.MatrixParameters.ToList();
        var vectors = model.VectorParameters.ToList();
        using var matrixOptimizer = optim.AdamW(matrices, settings.LearningRate, weight_decay: settings.WeightDecay);
        using var vectorOptimizer = optim.AdamW(vectors, settings.LearningRate, weight_decay: 0);
        var fullWeights = model.FullWeightParameters.ToList();
        // AdamW's decay pulls towards zero, not towards the pretrained weights, so the fully trained ones take none.
        using var fullOptimizer = fullWeights.Count > 0 ? optim.AdamW(fullWeights, settings.FullLearningRate, weight_decay: 0) : null;
        var optimizers = new[] { matrixOptimizer, vectorOptimizer, fullOptimizer }.OfType<optim.Optimizer>().ToList();
        var trainable = matrices.Concat(vectors).Concat(fullWeights).ToList();
        log($"trainable parameters {trainable.Sum(p => p.numel()):N0}");

        var batchesPerEpoch = (train.Count + settings.BatchSize - 1) / settings.BatchSize;
        var totalSteps = settings.MaxSteps > 0 ? Math.Min(settings.MaxSteps, batchesPerEpoch * settings.Epochs) : batchesPerEpoch * settings.Epochs;
        var warmupSteps = Math.Max(1, (int)(totalSteps * settings.WarmupShare));
        var shuffle = new Random(settings.Seed);
        var clock = Stopwatch.StartNew();
        double lossSum = 0, evalSeconds = 0;
        long pairsSeen = 0;
        var lossCount = 0;
        var step = 0;
        var stop = false;

        for (var epoch = 0; epoch < settings.Epochs && !stop; epoch++)
        {
            var batches = PairBatches.Training(train, settings.BatchSize, shuffle);
            for (var b = 0; b < batches.Count && !stop; b++)
            {
                var rate = settings.LearningRate * (step < warmupSteps
                    ? (step + 1.0) / warmupSteps
                    : Math.Max(0, (totalSteps - step) / (double)Math.Max(1, totalSteps - warmupSteps)));
                SetRate(matrixOptimizer, rate);
                SetRate(vectorOptimizer, rate);
                if (fullOptimizer is not null)
                {
                    SetRate(fullOptimizer, rate * settings.FullLearningRate / settings.LearningRate);
                }
                lossSum += Step(model, train, priors, targets, batches[b], tokenizer.PadId, trainable, optimizers);
                lossCount++;
                pairsSeen += batches[b].Length;
                step++;

                var minutes = (clock.Elapsed.TotalSeconds - evalSeconds) / 60;
                stop = step >= totalSteps || minutes >= settings.MaxMinutes;
                if (step % 20 == 0)
                {
                    log($"epoch {epoch + 1} step {step}/{totalSteps} loss {lossSum / lossCount:F4} lr {rate:E2} " +
                        $"{pairsSeen / (clock.Elapsed.TotalSeconds - evalSeconds):F1} pairs/s {minutes:F1} min");
                }
                var epochEnd = b == batches.Count - 1;
                if (epochEnd || stop || (settings.EvalEvery > 0 && step % settings.EvalEvery == 0))
                {
                    var started = clock.Elapsed.TotalSeconds;
                    Checkpoint(model, lora, evaluation, summary, epoch + (b + 1.0) / batches.Count, step, minutes,
                        lossCount == 0 ? 0 : lossSum / lossCount, tokenizer.PadId);
                    lossSum = 0;
                    lossCount = 0;
                    evalSeconds += clock.Elapsed.TotalSeconds - started;
                }
            }
        }
        summary.Steps = step;
        summary.TrainingMinutes = (clock.Elapsed.TotalSeconds - evalSeconds) / 60;
        summary.TrainPairsPerSecond = pairsSeen / Math.Max(1e-9, clock.Elapsed.TotalSeconds - evalSeconds);
        summary.Write(Path.Combine(settings.OutputDirectory, SummaryFile));
        log($"done: {step} steps, {summary.TrainingMinutes:F1} min training, {summary.TrainPairsPerSecond:F1} pairs/s, " +
            $"{evalSeconds / 60:F1} min evaluating");
        return summary;
    }

    private static double Step(MiniLmCrossEncoder model, List<EncodedPair> train, float[][]? priors, float[][]? targets, int[] batch,
        int padId, List<Parameter> trainable, List<optim.Optimizer> optimizers)
    {
        using var scope = NewDisposeScope();
        var (ids, mask, types) = PairBatches.ToTensors(train, batch, padId);
        var allowed = tensor(batch.SelectMany(i => train[i].Allowed).ToArray(), [batch.Length, MiniLmCrossEncoder.Labels]);
        var pairWeights = tensor(batch.Select(i => train[i].Weight).ToArray());
        optimizers.ForEach(o => o.zero_grad());
        var logits = model.Forward(ids, mask, types, training: true);
        if (priors is not null)
        {
            logits = logits + tensor(batch.SelectMany(i => priors[i]).ToArray(), [batch.Length, MiniLmCrossEncoder.Labels]);
        }
        var loss = targets is null
            ? SetLoss.Compute(logits, allowed, pairWeights)
            : SetLoss.SoftTargets(logits, tensor(batch.SelectMany(i => targets[i]).ToArray(), [batch.Length, MiniLmCrossEncoder.Labels]), pairWeights);
        loss.backward();
        nn.utils.clip_grad_norm_(trainable, 1.0);
        optimizers.ForEach(o => o.step());
        return loss.item<float>();
    }

    private void Checkpoint(MiniLmCrossEncoder model, LoraSettings lora, EvaluationSet? evaluation, RunSummary summary,
        double epoch, int step, double minutes, double loss, int padId)
    {
        var artifact = AdapterExport.ToSafeTensors(model, lora, summary.BaseSha256);
        File.WriteAllBytes(Path.Combine(settings.OutputDirectory, LatestFile), artifact);
        if (evaluation is null)
        {
            summary.Write(Path.Combine(settings.OutputDirectory, SummaryFile));
            return;
        }
        var point = CheckpointEvaluation.Evaluate(new PairScorer(model, padId), evaluation, epoch, step, minutes, loss);
        summary.Curve.Add(point);
        log($"eval epoch {epoch:F2} step {step}: loss {loss:F4} | tune pair {point.TunePairMacroF1:F3} claim {point.TuneClaimMacroF1:F3} | " +
            $"dev pair {point.DevPairMacroF1:F3} (argmax {point.DevPairMacroF1Argmax:F3}; E/N/C {string.Join("/", point.DevPairClassF1.Select(f => f.ToString("F2")))}) " +
            $"claim {point.DevClaimMacroF1:F3} | snli test {point.SnliTestAccuracy:F3}");
        if (summary.Best is null || point.SelectionScore > summary.Best.SelectionScore)
        {
            summary.Best = point;
            summary.BestArtifactSha256 = Convert.ToHexStringLower(SHA256.HashData(artifact));
            File.WriteAllBytes(Path.Combine(settings.OutputDirectory, BestFile), artifact);
            log($"  kept as best (selection {point.SelectionScore:F3})");
        }
        summary.Write(Path.Combine(settings.OutputDirectory, SummaryFile));
    }

    private float[][] TeacherTargets(MiniLmOnnxWeights weights, BertWordPieceTokenizer tokenizer, TrainingData data,
        List<EncodedPair> train, string teacherPath)
    {
        var adapter = File.ReadAllBytes(teacherPath);
        var teacher = new MiniLmCrossEncoder(weights, AdapterImport.Settings(adapter), dropout: 0, AdapterImport.FullyTrainedLayers(adapter, weights));
        AdapterImport.Apply(teacher, adapter);
        var clock = Stopwatch.StartNew();
        var targets = ConfidenceRegularization.Targets(teacher, tokenizer, train, [.. data.Train.Select(p => p.Hypothesis)], settings.MaxTokens);
        // How soft the targets came out: the mean probability they give the gold answer.
        var goldShare = train.Select((p, i) => targets[i].Select((t, c) => p.Allowed[c] > 0 ? t : 0).Sum()).Average();
        log($"teacher {teacherPath}: soft targets for {targets.Length} pairs in {clock.Elapsed.TotalMinutes:F1} min, mean gold probability {goldShare:F3}");
        return targets;
    }

    private EncodedPair Encode(LabelledPair pair, BertWordPieceTokenizer tokenizer, double[] classWeights)
    {
        var allowed = new float[MiniLmCrossEncoder.Labels];
        foreach (var label in pair.Allowed)
        {
            allowed[(int)label] = 1;
        }
        var weight = (float)(pair.Weight * pair.Allowed.Average(l => classWeights[(int)l]));
        return EncodedPair.Encode(tokenizer, pair.Premise, pair.Hypothesis, settings.MaxTokens, allowed, weight);
    }

    private static void SetRate(optim.Optimizer optimizer, double rate)
    {
        foreach (var group in optimizer.ParamGroups)
        {
            group.LearningRate = rate;
        }
    }
}
