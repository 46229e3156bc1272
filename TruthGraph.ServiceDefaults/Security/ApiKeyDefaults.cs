namespace Microsoft.Extensions.Hosting;

/// <summary>Names shared by the services that check the API key and the clients that send it.</summary>
public static class ApiKeyDefaults
{
    /// <summary>The request header that carries the key.</summary>
    public const string HeaderName = "X-Api-Key";

    public const string AuthenticationScheme = "ApiKey";

    /// <summary>The authorization policy that admin endpoints require (<see cref="SecurityEndpointExtensions.RequireApiKey{TBuilder}"/>).</summary>
    public const string AdminPolicy = "api-key";

    /// <summary>
    /// Where each service reads the key (environment <c>Security__ApiKey</c>); the AppHost fills it from its secret
    /// <c>api-key</c> parameter.
    /// </summary>
    public const string ConfigurationKey = "Security:ApiKey";
}
