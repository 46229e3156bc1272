using TruthGraph.Inference.Cache;

namespace TruthGraph.Inference.UnitTests.Cache;

/// <summary>Two inference replicas sharing one tuned-batch-sizes file: neither erases the other's sizes, and each sees the other's.</summary>
public sealed class SharedTunedBatchSizesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("truthgraph-shared-tuned-").FullName;

    private string FilePath => Path.Combine(_folder, "tuned-batch-sizes.json");

    [Fact]
    public void A_size_saved_by_one_replica_is_kept_by_the_others_save_and_found_by_its_refresh()
    {
        var first = new TunedBatchSizes(FilePath);
        var second = new TunedBatchSizes(FilePath);

        first.Save("embedder", "cpu", 12, "sweep A");
        // The second replica read the file before that save; its own save must merge, not overwrite.
        second.Save("classifier", "cpu", 5, "sweep B");
        var restarted = new TunedBatchSizes(FilePath);
        Assert.Equal(12, restarted.Find("embedder", "cpu")?.BatchSize);
        Assert.Equal(5, restarted.Find("classifier", "cpu")?.BatchSize);

        // What the other replica wrote comes back from a refresh; a replica's own write does not.
        var seenByFirst = first.Refresh();
        var change = Assert.Single(seenByFirst);
        Assert.Equal(("classifier", "cpu", 5), (change.Model, change.Device, change.Tuned.BatchSize));
        Assert.Empty(second.Refresh());
        Assert.Empty(first.Refresh());

        second.Save("embedder", "cpu", 24, "sweep C");
        Assert.Equal(24, Assert.Single(first.Refresh()).Tuned.BatchSize);
        Assert.Equal(24, first.Find("embedder", "cpu")?.BatchSize);
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
