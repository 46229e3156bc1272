namespace TruthGraph.EndToEndTests;

/// <summary>A manifest written by <c>scripts/publish-manifest.sh</c>, in a temporary folder that goes with it.</summary>
public sealed class PublishedManifest(string path, string text, IReadOnlyDictionary<string, JsonElement> resources) : IDisposable
{
    public string Path { get; } = path;

    /// <summary>The file as written, for checks that no secret value appears anywhere in it.</summary>
    public string Text { get; } = text;

    public IReadOnlyDictionary<string, JsonElement> Resources { get; } = resources;

    public JsonElement this[string resource] => Resources[resource];

    public void Dispose() => Directory.Delete(System.IO.Path.GetDirectoryName(Path)!, recursive: true);
}

/// <summary>
/// Runs <c>scripts/publish-manifest.sh --no-build</c> (Aspire's manifest publisher on the AppHost that the test run
/// built), so that the script CI users run is the one under test. Needs no container engine and starts nothing.
/// </summary>
public static class ManifestPublisher
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <param name="appHostSettings">AppHost settings, e.g. <c>--Api:Replicas</c>, <c>2</c>.</param>
    public static async Task<PublishedManifest> PublishAsync(params string[] appHostSettings)
    {
        var outputDirectory = Directory.CreateTempSubdirectory("truthgraph-manifest-").FullName;
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = TestData.RepositoryRoot,
        };
        string[] arguments = [Path.Combine(TestData.RepositoryRoot, "scripts", "publish-manifest.sh"), "--no-build", outputDirectory, "--", .. appHostSettings];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash could not be started");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using (var timeout = new CancellationTokenSource(Timeout))
        {
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"publish-manifest.sh did not finish within {Timeout.TotalSeconds:0} s: {await stderr}");
            }
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"publish-manifest.sh exited with {process.ExitCode}: {await stderr}");
        }

        // The script's last line is the manifest's path; the AppHost's log went to stderr.
        var path = (await stdout).Trim().Split('\n')[^1];
        var text = await File.ReadAllTextAsync(path);
        using var document = JsonDocument.Parse(text);
        var resources = document.RootElement.GetProperty("resources").EnumerateObject()
            .ToDictionary(resource => resource.Name, resource => resource.Value.Clone());
        return new PublishedManifest(path, text, resources);
    }
}
