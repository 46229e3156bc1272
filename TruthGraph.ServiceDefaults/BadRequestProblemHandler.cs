using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// A request that cannot be read — JSON that does not parse or does not fit, a query value of the wrong type, a body
/// too large or of the wrong media type — becomes a 400/413/415 problem that names what to fix (the JSON path, the
/// parameter or the header), instead of minimal APIs' bare status code.
/// </summary>
public sealed partial class BadRequestProblemHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }
        var json = badRequest.InnerException as JsonException;
        var reason = json is not null ? $"The request body is not valid JSON for this endpoint: {json.Message}" : badRequest.Message;
        context.Response.StatusCode = badRequest.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [FieldOf(badRequest, json)] = [reason] })
            {
                Status = badRequest.StatusCode,
                Title = "The request could not be read.",
            },
        });
    }

    /// <summary>
    /// Some refusals never reach <see cref="TryHandleAsync"/>: minimal APIs answer a wrong media type (415) and a body
    /// over Kestrel's limit (413) with a bare status code, which the status-code pages turn into a problem. This names
    /// the field there too, so that every 4xx problem says what to fix.
    /// </summary>
    public static void NameTheField(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem is HttpValidationProblemDetails { Errors.Count: > 0 } || problem.Extensions.ContainsKey("errors"))
        {
            return;
        }
        var request = context.HttpContext.Request;
        var named = problem.Status switch
        {
            StatusCodes.Status415UnsupportedMediaType => ("Content-Type", $"'{request.ContentType}' is not accepted here; send application/json."),
            StatusCodes.Status413PayloadTooLarge => ("body", "is larger than this endpoint accepts."),
            _ => default((string Field, string Reason)?),
        };
        if (named is var (field, reason))
        {
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [reason] };
        }
    }

    /// <summary>
    /// The field a client should fix. Minimal APIs name a query or route parameter that failed to bind only in the
    /// message (<c>Failed to bind parameter "int page" from "x"</c>), so the name is read from there.
    /// </summary>
    private static string FieldOf(BadHttpRequestException badRequest, JsonException? json)
    {
        if (json is not null)
        {
            return json.Path is { Length: > 0 } path ? path : "$";
        }
        if (badRequest.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return "Content-Type";
        }
        if (badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge || badRequest.Message.Contains("body", StringComparison.OrdinalIgnoreCase))
        {
            return "body";
        }
        return ParameterName().Match(badRequest.Message) is { Success: true } match ? match.Groups["name"].Value : "request";
    }

    [GeneratedRegex("""parameter "[^"]*?(?<name>[A-Za-z_][A-Za-z0-9_]*)"\s""")]
    private static partial Regex ParameterName();
}
