namespace TruthGraph.EndToEndTests;

/// <summary>
/// The replicas of a resource run with <c>WithReplicas</c>: their ids (what the dashboard lists and its commands take),
/// each one's own address (behind Aspire's proxy, which spreads connections over them), and stopping and starting one.
/// </summary>
public static class ReplicaControl
{
    private static readonly string[] Alive = ["Running", "Starting", "Stopping", "Waiting", "RuntimeUnhealthy", "NotStarted"];

    /// <summary>The ids of the resource's replicas (its name with a suffix each), once <paramref name="count"/> have appeared.</summary>
    public static async Task<IReadOnlyList<string>> ReplicaIdsAsync(this DistributedApplication app, string resource, int count,
        CancellationToken cancellationToken)
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var update in app.ResourceNotifications.WatchAsync(cancellationToken))
        {
            if (update.Resource.Name == resource && update.ResourceId != resource && ids.Add(update.ResourceId) && ids.Count == count)
            {
                break;
            }
        }
        return [.. ids];
    }

    /// <summary>
    /// The replica's own address: the port the process itself listens on (its <c>ASPNETCORE_URLS</c>), read from the
    /// process's environment, since the app model only publishes the proxy's address. Changes when the replica restarts.
    /// </summary>
    public static Uri ReplicaUrl(this DistributedApplication app, string replicaId)
    {
        var pid = app.ProcessId(replicaId) ?? throw new InvalidOperationException($"{replicaId} has no process");
        var environment = File.ReadAllText($"/proc/{pid}/environ").Split('\0');
        var urls = environment.Single(v => v.StartsWith("ASPNETCORE_URLS=", StringComparison.Ordinal))["ASPNETCORE_URLS=".Length..];
        return new Uri(urls.Split(';')[0].Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }

    public static HttpClient CreateReplicaClient(this DistributedApplication app, string replicaId)
    {
        var client = new HttpClient { BaseAddress = app.ReplicaUrl(replicaId), Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Add(Microsoft.Extensions.Hosting.ApiKeyDefaults.HeaderName, TruthGraphAppFactory.ApiKey);
        return client;
    }

    public static async Task StopReplicaAsync(this DistributedApplication app, string replicaId, CancellationToken cancellationToken)
    {
        var result = await app.ResourceCommands.ExecuteCommandAsync(replicaId, KnownResourceCommands.StopCommand, cancellationToken);
        Assert.True(result.Success, result.Message);
        while (app.ResourceNotifications.TryGetCurrentState(replicaId, out var current) && current.Snapshot.State?.Text is { } state && Alive.Contains(state))
        {
            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>Starts the replica and waits until it answers <c>/health</c> with 200 (on its new port).</summary>
    public static async Task StartReplicaAsync(this DistributedApplication app, string replicaId, CancellationToken cancellationToken)
    {
        var result = await app.ResourceCommands.ExecuteCommandAsync(replicaId, KnownResourceCommands.StartCommand, cancellationToken);
        Assert.True(result.Success, result.Message);
        while (true)
        {
            if (app.ResourceNotifications.TryGetCurrentState(replicaId, out var current) && current.Snapshot.State?.Text == KnownResourceStates.Running)
            {
                try
                {
                    using var client = new HttpClient { BaseAddress = app.ReplicaUrl(replicaId), Timeout = TimeSpan.FromSeconds(5) };
                    using var health = await client.GetAsync("/health", cancellationToken);
                    if (health.IsSuccessStatusCode)
                    {
                        return;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or IOException or TaskCanceledException
                                           && !cancellationToken.IsCancellationRequested)
                {
                    // Not listening yet, or its process not yet started.
                }
            }
            await Task.Delay(250, cancellationToken);
        }
    }
}
