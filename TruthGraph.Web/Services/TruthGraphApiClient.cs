using System.Net.Http.Json;

namespace TruthGraph.Web.Services;

/// <summary>Typed client of the verification API, as the dashboard needs it.</summary>
public sealed class TruthGraphApiClient(HttpClient http)
{
    public async Task<ApiStatus> GetStatusAsync(CancellationToken cancellationToken = default) =>
        await http.GetFromJsonAsync<ApiStatus>("/api/status", cancellationToken)
        ?? throw new InvalidOperationException("The API answered /api/status with an empty body.");
}

/// <summary>The dashboard's view of <c>GET /api/status</c> (the API owns the contract; this mirrors the fields shown).</summary>
public sealed record ApiStatus(DatabaseStatus Database);

public sealed record DatabaseStatus(
    string PostgresVersion, string? PgvectorVersion, string Mode, IReadOnlyList<string> HnswIndexes, IReadOnlyDictionary<string, long> RowCounts);
