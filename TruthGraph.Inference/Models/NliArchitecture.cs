using System.Text.Json;
using System.Text.Json.Serialization;

namespace TruthGraph.Inference.Models;

/// <summary>How an NLI manifest's weights turn a (premise, hypothesis) pair into label probabilities.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NliArchitecture>))]
public enum NliArchitecture
{
    /// <summary>The weights score features built from the embeddings of the manifest's encoder model.</summary>
    [JsonStringEnumMemberName("bi-encoder-head")] BiEncoderHead,

    /// <summary>The weights read the tokenized pair and give logits over the manifest's labels.</summary>
    [JsonStringEnumMemberName("cross-encoder")] CrossEncoder,
}

public static class NliArchitectureNames
{
    /// <summary>The architecture as a manifest spells it ("bi-encoder-head"), for listings and messages.</summary>
    public static string ManifestName(this NliArchitecture architecture) => JsonSerializer.Serialize(architecture).Trim('"');
}
