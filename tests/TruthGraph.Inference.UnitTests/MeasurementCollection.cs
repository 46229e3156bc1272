namespace TruthGraph.Inference.UnitTests;

/// <summary>
/// Tests that measure this process (memory limits, CPU sampling) run alone: another test allocating or computing in
/// parallel would move the working set and the samples they assert on.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasurementCollection
{
    public const string Name = "measurements of this process";
}
