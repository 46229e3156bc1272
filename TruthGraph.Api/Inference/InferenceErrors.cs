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
        var detail = await response.Content.ReadAsStringAsync(cancellationToken);
        throw new InferenceUnavailableException(
            $"The inference service failed the {operation} request with {(int)response.StatusCode}: {Truncate(detail, 300)}");
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}
