namespace TruthGraph.Api.Inference;

/// <summary>
/// The inference service could not do the work: the API's one exception for every call to it (embeddings, NLI,
/// performance, traces). A request answers 503 rather than 500. <see cref="StatusCode"/> is the service's answer, when
/// there was one; <see cref="IsOutage"/> tells ingestion whether to wait it out (no answer or a 5xx) or to fail the
/// job (a 4xx, or an answer it could not use).
/// </summary>
public sealed class InferenceServiceException(string message, int? statusCode = null, Exception? inner = null) : Exception(message, inner)
{
    public int? StatusCode { get; } = statusCode;

    public bool IsOutage => StatusCode is null or >= 500;
}

/// <summary>Turns a failed answer of the inference service into <see cref="InferenceServiceException"/>, with the problem's reason.</summary>
internal static class InferenceErrors
{
    public static async Task ThrowIfFailedAsync(HttpResponseMessage response, string operation, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        throw new InferenceServiceException(
            $"The inference service failed the {operation} request with {(int)response.StatusCode}: {Describe(body)}", (int)response.StatusCode);
    }

    /// <summary>The problem's detail (or title) when the answer is a problem document: the reason, without the JSON around it.</summary>
    public static string Describe(string body)
    {
        try
        {
            using var problem = System.Text.Json.JsonDocument.Parse(body);
            foreach (var name in new[] { "detail", "title" })
            {
                if (problem.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                    && problem.RootElement.TryGetProperty(name, out var text) && text.GetString() is { Length: > 0 } reason)
                {
                    return Truncate(reason, 500);
                }
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // Not JSON (a proxy's error page, say): the start of the body is all there is to show.
        }
        return Truncate(body, 300);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}
