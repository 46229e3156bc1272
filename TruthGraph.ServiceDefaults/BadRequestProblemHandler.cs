using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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
        var reason = json is null ? badRequest.Message
            : UnknownMember().Match(json.Message) is { Success: true } unknown ? UnknownMemberReason(context, unknown.Groups["name"].Value, json.Path)
            : $"The request body is not valid JSON for this endpoint: {json.Message}";
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
    /// Request bodies are read strictly (<see cref="StrictJson"/>): a misspelt member ("top_k" for "topK") would
    /// otherwise be ignored silently and its default used. The reason lists the members the endpoint does know.
    /// </summary>
    private static string UnknownMemberReason(HttpContext context, string name, string? path)
    {
        var reason = $"'{name}' is not a member of this request; it was refused rather than ignored.";
        var isTopLevel = path is not null && path.Count(c => c is '.' or '[') == 1;
        if (isTopLevel && EndpointOf(context)?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType is { } type
            && context.RequestServices.GetService<IOptions<JsonOptions>>()?.Value.SerializerOptions is { } options)
        {
            reason += $" Its members are: {string.Join(", ", options.GetTypeInfo(type).Properties.Select(p => p.Name))}.";
        }
        return reason;
    }

    /// <summary>The endpoint that failed: the exception handler has cleared the context's own by the time it runs.</summary>
    private static Endpoint? EndpointOf(HttpContext context) =>
        context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint();

    [GeneratedRegex(@"^The JSON property '(?<name>.*)' could not be mapped to any \.NET member")]
    private static partial Regex UnknownMember();

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
