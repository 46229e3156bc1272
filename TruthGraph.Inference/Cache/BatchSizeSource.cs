using System.Text.Json.Serialization;

namespace TruthGraph.Inference.Cache;

/// <summary>
/// Where a model's run batch size came from, weakest first: a stronger source that is set hides the weaker ones.
/// On the wire as the lower-case names clients already read (<c>default</c>, <c>configured</c>, <c>tuned</c>, <c>runtime</c>).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<BatchSizeSource>))]
public enum BatchSizeSource
{
    /// <summary>The model's default on its device (before the first load, a placeholder until the device is known).</summary>
    [JsonStringEnumMemberName("default")]
    Default,

    /// <summary><c>Inference:BatchSizes</c>.</summary>
    [JsonStringEnumMemberName("configured")]
    Configured,

    /// <summary>Applied from a sweep for the device the model is loaded on, and kept in the tuned-batch-sizes file.</summary>
    [JsonStringEnumMemberName("tuned")]
    Tuned,

    /// <summary>Set through the settings endpoint (or the bench) since start.</summary>
    [JsonStringEnumMemberName("runtime")]
    Runtime,

    /// <summary>A sweep or profile is measuring this size now; the size underneath comes back when it ends.</summary>
    [JsonStringEnumMemberName("sweep")]
    Sweep,
}
