namespace TruthGraph.Inference.Bench;

/// <summary>
/// Finds the shared, read-only test data (never part of the repository): <c>TRUTHGRAPH_SHARED_DATA</c>, else
/// <c>&lt;repo root&gt;/../shared/data</c>, the repo root being the folder above that holds TruthGraph.sln.
/// </summary>
public static class SharedData
{
    public static string Directory()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("TRUTHGRAPH_SHARED_DATA");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment;
        }
        return RepositoryRoot() is { } root
            ? Path.GetFullPath(Path.Combine(root, "..", "shared", "data"))
            : throw new DirectoryNotFoundException("Shared data not found: set TRUTHGRAPH_SHARED_DATA or keep ../shared/data beside the repository.");
    }

    /// <summary>The folder holding TruthGraph.sln, above the program's folder or the working directory; null outside a checkout.</summary>
    public static string? RepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, System.IO.Directory.GetCurrentDirectory() })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "TruthGraph.sln")))
                {
                    return folder.FullName;
                }
            }
        }
        return null;
    }

    public static string PathOf(params string[] parts) => Path.Combine([Directory(), .. parts]);

    /// <summary>Unique CLIMATE-FEVER evidence sentences, in file order.</summary>
    public static IReadOnlyList<string> ClimateFeverEvidence(string split = "dev") =>
        Accuracy.ClimateFeverSet.Read(PathOf("climate-fever", $"{split}.jsonl")).Corpus;
}
