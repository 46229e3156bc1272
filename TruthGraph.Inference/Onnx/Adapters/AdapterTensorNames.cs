namespace TruthGraph.Inference.Onnx.Adapters;

/// <summary>
/// The contract between the fine-tuning tool (models/training/TruthGraph.CrossEncoderTraining), which writes an adapter
/// file, and <c>AdapterMerge</c>, which applies it to the base encoder graph. Depends on nothing but the BCL.
/// </summary>
public static class AdapterTensorNames
{
    public const string Format = "truthgraph-nli-adapter/1";
    public const string FormatKey = "format";
    public const string LoraScaleKey = "lora_scale";
    public const string BaseSha256Key = "base_sha256";
    public const string PoolingKey = "pooling";
    public const string LabelsKey = "labels";

    public const string LoraPrefix = "lora.";
    public const string ReplacementPrefix = "set.";
    public const string HeadDenseWeight = "head.dense.weight";
    public const string HeadDenseBias = "head.dense.bias";
    public const string HeadOutputWeight = "head.output.weight";
    public const string HeadOutputBias = "head.output.bias";

    /// <summary>Low-rank factor A [rank, in] of the base initializer <paramref name="weight"/> ([in, out]).</summary>
    public static string LoraA(string weight) => LoraPrefix + weight + ".a";

    /// <summary>Low-rank factor B [out, rank] of the base initializer <paramref name="weight"/>.</summary>
    public static string LoraB(string weight) => LoraPrefix + weight + ".b";

    /// <summary>A tensor that replaces the base initializer <paramref name="initializer"/> as a whole.</summary>
    public static string Replacement(string initializer) => ReplacementPrefix + initializer;
}
