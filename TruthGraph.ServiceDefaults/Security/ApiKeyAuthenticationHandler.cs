using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

public sealed class ApiKeyAuthenticationOptions : AuthenticationSchemeOptions
{
    /// <summary>The one key that admin operations accept; with none configured, every admin request is refused.</summary>
    public string? ApiKey { get; set; }
}

/// <summary>
/// Authenticates a request that carries the service's key in <see cref="ApiKeyDefaults.HeaderName"/>. A request
/// without the header stays anonymous (reading and verifying are open); admin endpoints then challenge it with a
/// 401 problem that says which header is missing or why the key was refused.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<ApiKeyAuthenticationOptions> options, ILoggerFactory logger, UrlEncoder encoder, IProblemDetailsService problems)
    : AuthenticationHandler<ApiKeyAuthenticationOptions>(options, logger, encoder)
{
    private static readonly ClaimsIdentity KeyHolder = new([new Claim(ClaimTypes.Name, "api-key holder")], ApiKeyDefaults.AuthenticationScheme);

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers[ApiKeyDefaults.HeaderName].ToString();
        if (presented.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        if (string.IsNullOrEmpty(Options.ApiKey))
        {
            return Task.FromResult(AuthenticateResult.Fail(
                $"This service has no API key configured ({ApiKeyDefaults.ConfigurationKey}), so it accepts none."));
        }
        if (!SameKey(presented, Options.ApiKey))
        {
            return Task.FromResult(AuthenticateResult.Fail($"The key in the {ApiKeyDefaults.HeaderName} header is not valid."));
        }
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(KeyHolder), ApiKeyDefaults.AuthenticationScheme);
        return Task.FromResult(AuthenticateResult.Success(ticket));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{ApiKeyDefaults.AuthenticationScheme} header=\"{ApiKeyDefaults.HeaderName}\"";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "An API key is required for this operation.",
                Detail = result.Failure?.Message ?? $"Send the service's API key in the {ApiKeyDefaults.HeaderName} header.",
                Extensions = { ["header"] = ApiKeyDefaults.HeaderName },
            },
        });
    }

    // Hashing first gives equal lengths, so the comparison takes the same time however much of the key is right.
    private static bool SameKey(string presented, string expected) => CryptographicOperations.FixedTimeEquals(
        SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
