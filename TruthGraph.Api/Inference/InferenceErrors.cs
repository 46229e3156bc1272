namespace TruthGraph.Api.Inference;

/// <summary>The inference service could not do the work; the API answers 503 rather than 500.</summary>
public sealed class InferenceUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

internal static class InferenceErrors
{
    public static async Task ThrowIfFailedAsync(HttpResponseMessage response, string operation, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        throw new InferenceUnavailableException(
            $"The inference service failed the {operation} request with {(int)response.StatusCode}: {Describe(body)}");
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
