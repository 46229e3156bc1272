using System.Net;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using TruthGraph.Web.Security;

namespace TruthGraph.Web.Services;

/// <summary>
/// Typed client of the API's performance jobs: start, list, read, follow (server-sent events), cancel, apply a sweep,
/// download a profile's sampling file. Every call to those endpoints goes through here, so the API key the admin
/// endpoints need is added in one place, and only for a signed-in admin (<see cref="AdminSession"/>). Registered without the resilience handler:
/// a retried POST would start a second measurement, and its timeouts would cut a progress stream.
/// </summary>
public sealed class PerformanceApiClient(HttpClient http, AdminSession admin)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<PerfJobView>> ListAsync(PerfKind kind, int limit, CancellationToken cancellationToken = default) =>
        await http.GetFromJsonAsync<List<PerfJobView>>($"{kind.Route()}?limit={limit}", Json, cancellationToken)
        ?? throw new InvalidOperationException($"The API answered {kind.Route()} with an empty body.");

    /// <summary>One job, or null when the API has none of this kind with that id.</summary>
    public async Task<PerfJobView?> GetAsync(PerfKind kind, Guid id, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync($"{kind.Route()}/{id}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        return await ReadJobAsync(response, cancellationToken);
    }

    public Task<PerfJobView> StartSweepAsync(SweepStartRequest request, CancellationToken cancellationToken = default) =>
        PostAsync(PerfKind.Sweep.Route(), request, cancellationToken);

    public Task<PerfJobView> StartPerfRunAsync(PerfRunStartRequest request, CancellationToken cancellationToken = default) =>
        PostAsync(PerfKind.PerfRun.Route(), request, cancellationToken);

    public Task<PerfJobView> StartProfileAsync(ProfileStartRequest request, CancellationToken cancellationToken = default) =>
        PostAsync(PerfKind.Profile.Route(), request, cancellationToken);

    /// <summary>Applies the sweep's recommended batch size; the answer carries <see cref="PerfJobView.AppliedBatchSize"/>.</summary>
    public Task<PerfJobView> ApplyAsync(Guid sweepId, CancellationToken cancellationToken = default) =>
        PostAsync($"{PerfKind.Sweep.Route()}/{sweepId}/apply", new { }, cancellationToken);

    /// <summary>Cancels a queued or running job (a finished one answers 409, shown as <see cref="ApiProblemException"/>).</summary>
    public async Task<PerfJobView> CancelAsync(PerfKind kind, Guid id, CancellationToken cancellationToken = default)
    {
        using var request = await admin.AuthorizeAsync(new HttpRequestMessage(HttpMethod.Delete, $"{kind.Route()}/{id}"));
        using var response = await http.SendAsync(request, cancellationToken);
        return await ReadJobAsync(response, cancellationToken);
    }

    /// <summary>
    /// The job's progress events as the API sends them, from where it stands now until its <c>finished</c> event
    /// (the enumeration ends there, or when the stream closes early).
    /// </summary>
    public async IAsyncEnumerable<PerfEventView> FollowAsync(PerfKind kind, Guid id, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{kind.Route()}/{id}/events");
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ApiProblemException.FromAsync(response, cancellationToken);
        }
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        await foreach (var item in SseParser.Create(stream).EnumerateAsync(cancellationToken))
        {
            if (JsonSerializer.Deserialize<PerfEventView>(item.Data, Json) is { } progress)
            {
                yield return progress;
            }
            if (item.EventType == "finished")
            {
                yield break;
            }
        }
    }

    /// <summary>A profile's speedscope file and its name, or null when the profile has none (not completed, or no sampling).</summary>
    public async Task<(byte[] Content, string FileName)?> GetProfileTraceAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync($"{PerfKind.Profile.Route()}/{id}/trace", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        if (!response.IsSuccessStatusCode)
        {
            throw await ApiProblemException.FromAsync(response, cancellationToken);
        }
        var name = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"');
        return (await response.Content.ReadAsByteArrayAsync(cancellationToken), name ?? $"profile-{id}.speedscope.json");
    }

    private async Task<PerfJobView> PostAsync(string path, object body, CancellationToken cancellationToken)
    {
        using var request = await admin.AuthorizeAsync(
            new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, body.GetType(), options: Json) });
        using var response = await http.SendAsync(request, cancellationToken);
        return await ReadJobAsync(response, cancellationToken);
    }

    private static async Task<PerfJobView> ReadJobAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw await ApiProblemException.FromAsync(response, cancellationToken);
        }
        return await response.Content.ReadFromJsonAsync<PerfJobView>(Json, cancellationToken)
            ?? throw new InvalidOperationException($"The API answered {response.RequestMessage?.RequestUri} with an empty body.");
    }
}
