using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Who may do what: <see cref="AddApiSecurity{TBuilder}"/> registers the API-key scheme and the rate limits,
/// <see cref="UseApiSecurity"/> runs them, and endpoints opt in with <see cref="RequireApiKey{TBuilder}"/> (admin
/// operations) or <see cref="RequireVerifyRateLimit{TBuilder}"/> (expensive open operations).
/// </summary>
public static class SecurityEndpointExtensions
{
    public static TBuilder AddApiSecurity<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var key = builder.Configuration[ApiKeyDefaults.ConfigurationKey];
        builder.Services.AddAuthentication(ApiKeyDefaults.AuthenticationScheme)
            .AddScheme<ApiKeyAuthenticationOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.AuthenticationScheme, o => o.ApiKey = key);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ApiKeyDefaults.AdminPolicy, policy => policy
                .AddAuthenticationSchemes(ApiKeyDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser());
        builder.AddTruthGraphRateLimits();
        return builder;
    }

    /// <summary>Authentication, then authorization, then rate limits: a request refused for want of a key uses no admin permit.</summary>
    public static WebApplication UseApiSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>
    /// An admin operation: callers without the API key get 401, and all admin calls share the
    /// <see cref="RateLimitPolicies.Admin"/> rate limit (429 with Retry-After).
    /// </summary>
    public static TBuilder RequireApiKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(ApiKeyDefaults.AdminPolicy)
            .RequireRateLimiting(RateLimitPolicies.Admin)
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status401Unauthorized, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]))
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status429TooManyRequests, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]));

    /// <summary>An expensive open operation: rate-limited per client address unless the caller holds the API key.</summary>
    public static TBuilder RequireVerifyRateLimit<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireRateLimiting(RateLimitPolicies.Verify)
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status429TooManyRequests, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]));
}
