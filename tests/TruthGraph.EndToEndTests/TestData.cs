namespace TruthGraph.EndToEndTests;

/// <summary>Where the tests find the repository and the shared data sets (never committed into the repository).</summary>
public static class TestData
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary><c>&lt;repo root&gt;/../shared/data</c>, or <c>TRUTHGRAPH_SHARED_DATA</c>.</summary>
    public static string SharedData =>
        Environment.GetEnvironmentVariable("TRUTHGRAPH_SHARED_DATA") is { Length: > 0 } configured
            ? configured
            : Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));

    public static string ClimateFever(string file) => Path.Combine(SharedData, "climate-fever", file);

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TruthGraph.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"TruthGraph.sln not found above {AppContext.BaseDirectory}");
    }
}
