namespace TruthGraph.Inference.UnitTests;

internal static class TestModels
{
    public const string MiniLm = "all-minilm-l6-v2";

    public static ModelCatalog Catalog() => new(Options.Create(new InferenceOptions()));
}
